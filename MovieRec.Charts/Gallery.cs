using System.Globalization;
using System.Net;
using System.Text;
using MovieRec.Recommendations;

namespace MovieRec.Charts;

/// <summary>HTML cards of recommended or similar movies: poster, title, year, genres, score and the reason given.</summary>
/// <remarks>
/// Show the string with the notebook's <c>HTML(...)</c> (the .NET Interactive kernel and <c>movierec notebooks run</c>
/// both provide it). Posters are remote TMDB images: readers online see them; offline, or for a movie without a poster,
/// the card shows the title in the poster's place. Everything is HTML-encoded.
/// </remarks>
public static class Gallery
{
    /// <summary>Poster width in pixels.</summary>
    public const int PosterWidth = 120;

    /// <summary>One card per movie, in rank order, with <paramref name="scoreName"/> labelling the score.</summary>
    public static string Of(IEnumerable<Recommendation> movies, string scoreName = "score")
    {
        ArgumentNullException.ThrowIfNull(movies);
        var sb = new StringBuilder("<div style=\"display:flex;flex-wrap:wrap;gap:12px;font-family:sans-serif;font-size:12px\">");
        foreach (var m in movies)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div style=\"width:{PosterWidth + 40}px\">");
            if (!string.IsNullOrEmpty(m.PosterUrl))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<img src=\"{Encode(m.PosterUrl)}\" alt=\"{Encode(m.Title)}\" width=\"{PosterWidth}\" style=\"min-height:60px;background:#eee\"/>");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"<div style=\"width:{PosterWidth}px;height:{PosterWidth * 3 / 2}px;background:#eee;display:flex;align-items:center;justify-content:center;text-align:center\">{Encode(m.Title)}</div>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<div><b>{m.Rank}. {Encode(m.Title)}</b>");
            if (m.Year > 0 && !m.Title.Contains(m.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)) sb.Append(CultureInfo.InvariantCulture, $" ({m.Year})");
            sb.Append(CultureInfo.InvariantCulture, $"</div><div style=\"color:#555\">{Encode(m.Genres.Replace("|", ", ", StringComparison.Ordinal))}</div>");
            sb.Append(CultureInfo.InvariantCulture, $"<div>{Encode(scoreName)} {Score(m.Score)}</div><div style=\"color:#555\"><i>{Encode(m.Reason)}</i></div></div>");
        }

        return sb.Append("</div>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A score as shown on a card: whole numbers (counts) without decimals, others with three.</summary>
    internal static string Score(double score) =>
        score == Math.Round(score) && Math.Abs(score) < 1e15 ? score.ToString("0", CultureInfo.InvariantCulture) : score.ToString("F3", CultureInfo.InvariantCulture);
}
