using System.Diagnostics;

namespace MovieRec.Evaluation;

/// <summary>Rating-prediction error metrics. Empty inputs give NaN and a warning, never an exception.</summary>
public static class RatingMetrics
{
    /// <summary>Root mean squared error √(Σ(r − r̂)² / n), range [0, ∞), lower is better.</summary>
    public static double Rmse(ReadOnlySpan<float> actual, ReadOnlySpan<float> predicted, IList<string>? warnings = null)
    {
        if (!Check(actual, predicted, "RMSE", warnings)) return double.NaN;
        var sum = 0.0;
        for (var i = 0; i < actual.Length; i++) sum += (actual[i] - (double)predicted[i]) * (actual[i] - (double)predicted[i]);
        return Math.Sqrt(sum / actual.Length);
    }

    /// <summary>Mean absolute error Σ|r − r̂| / n, range [0, ∞), lower is better.</summary>
    public static double Mae(ReadOnlySpan<float> actual, ReadOnlySpan<float> predicted, IList<string>? warnings = null)
    {
        if (!Check(actual, predicted, "MAE", warnings)) return double.NaN;
        var sum = 0.0;
        for (var i = 0; i < actual.Length; i++) sum += Math.Abs(actual[i] - (double)predicted[i]);
        return sum / actual.Length;
    }

    /// <summary>
    /// RMSE between the ratings of <paramref name="truth"/> and the predictions of <paramref name="predictions"/> (e.g.
    /// <see cref="Algorithms.Scoring.Predict"/>'s output), joined on (user, movie); pairs without a prediction are left out.
    /// </summary>
    public static double Rmse(DataFrame truth, DataFrame predictions, string userColumn = Columns.UserId, string movieColumn = Columns.MovieId,
        string ratingColumn = Columns.Rating, string predictionColumn = Columns.Prediction, IList<string>? warnings = null)
    {
        var (a, p) = Align(truth, predictions, userColumn, movieColumn, ratingColumn, predictionColumn);
        return Rmse(a, p, warnings);
    }

    /// <summary>MAE between the ratings of <paramref name="truth"/> and the predictions of <paramref name="predictions"/>,
    /// joined on (user, movie) as <see cref="Rmse(DataFrame, DataFrame, string, string, string, string, IList{string}?)"/> does.</summary>
    public static double Mae(DataFrame truth, DataFrame predictions, string userColumn = Columns.UserId, string movieColumn = Columns.MovieId,
        string ratingColumn = Columns.Rating, string predictionColumn = Columns.Prediction, IList<string>? warnings = null)
    {
        var (a, p) = Align(truth, predictions, userColumn, movieColumn, ratingColumn, predictionColumn);
        return Mae(a, p, warnings);
    }

    private static (float[] Actual, float[] Predicted) Align(DataFrame truth, DataFrame predictions, string userColumn, string movieColumn, string ratingColumn, string predictionColumn)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predictions);
        var pu = predictions.ToArray<int>(userColumn);
        var pm = predictions.ToArray<int>(movieColumn);
        var pr = predictions.ToDoubles(predictionColumn);
        var lookup = new Dictionary<long, double>(pu.Length);
        for (var i = 0; i < pu.Length; i++) lookup[((long)pu[i] << 32) | (uint)pm[i]] = pr[i];
        var tu = truth.ToArray<int>(userColumn);
        var tm = truth.ToArray<int>(movieColumn);
        var tr = truth.ToDoubles(ratingColumn);
        var actual = new List<float>(tu.Length);
        var predicted = new List<float>(tu.Length);
        for (var i = 0; i < tu.Length; i++)
        {
            if (!lookup.TryGetValue(((long)tu[i] << 32) | (uint)tm[i], out var p)) continue;
            actual.Add((float)tr[i]);
            predicted.Add((float)p);
        }

        return ([.. actual], [.. predicted]);
    }

    private static bool Check(ReadOnlySpan<float> actual, ReadOnlySpan<float> predicted, string metric, IList<string>? warnings)
    {
        if (actual.Length != predicted.Length) throw new ArgumentException($"{metric}: {actual.Length} actual values but {predicted.Length} predictions.");
        if (actual.Length > 0) return true;
        Warn(warnings, $"{metric} of no ratings is undefined (NaN).");
        return false;
    }

    internal static void Warn(IList<string>? warnings, string message)
    {
        warnings?.Add(message);
        Trace.TraceWarning(message);
    }
}
