using System.IO.Compression;

namespace MovieRec.Tests.Support;

/// <summary>A saved recommender's parts by entry name, and a bundle rebuilt from parts with a fresh, valid checksum, as
/// anyone can make one (the checksum proves integrity, not origin).</summary>
internal static class BundleParts
{
    private const string Magic = "MOVIEREC-BUNDLE1";

    /// <summary>The parts of the bundle at <paramref name="path"/>, unpacked.</summary>
    public static Dictionary<string, byte[]> Read(string path)
    {
        var payload = ChecksummedFile.Read(path, Magic, MovieRecommender.BundleFormatVersion, "a bundle");
        using var zip = new ZipArchive(new MemoryStream(payload), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var entry = e.Open();
            using var copy = new MemoryStream();
            entry.CopyTo(copy);
            return copy.ToArray();
        });
    }

    /// <summary>Writes <paramref name="parts"/> as a bundle at <paramref name="path"/>, checksum recomputed.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, byte[]> parts)
    {
        using var payload = new MemoryStream();
        using (var zip = new ZipArchive(payload, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in parts)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(bytes);
            }
        }

        ChecksummedFile.Write(path, Magic, MovieRecommender.BundleFormatVersion, s => s.Write(payload.ToArray()));
    }
}
