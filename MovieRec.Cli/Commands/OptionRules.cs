using System.CommandLine.Parsing;

namespace MovieRec.Cli.Commands;

/// <summary>Validators for numeric and output-path options: a value out of range, or an output path that cannot be
/// written, is a usage error (exit 1) reported before any work starts.</summary>
internal static class OptionRules
{
    /// <summary>Accepts <paramref name="min"/> ≤ value ≤ <paramref name="max"/>.</summary>
    public static Option<int> InRange(this Option<int> option, int min, int max)
    {
        option.Validators.Add(r =>
        {
            if (Parsed<int>(r) is { } v) Check(r, option.Name, v, min, max);
        });
        return option;
    }

    /// <summary>Accepts <paramref name="min"/> ≤ value ≤ <paramref name="max"/>.</summary>
    public static Option<long> InRange(this Option<long> option, long min, long max)
    {
        option.Validators.Add(r =>
        {
            if (Parsed<long>(r) is { } v) Check(r, option.Name, v, min, max);
        });
        return option;
    }

    /// <summary>Accepts a fraction strictly between 0 and 1.</summary>
    public static Option<double> Fraction(this Option<double> option)
    {
        option.Validators.Add(r =>
        {
            if (Parsed<double>(r) is { } v && !(v > 0 && v < 1)) r.AddError($"{option.Name} must be a fraction between 0 and 1 (exclusive), not {v.ToString(CultureInfo.InvariantCulture)}.");
        });
        return option;
    }

    /// <summary>A file to write: not a folder, and its folder exists (checked before the command works for minutes).</summary>
    public static Option<string?> OutputFile(this Option<string?> option)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is not { } path) return;
            if (path.Length == 0) r.AddError($"{option.Name} needs a file path.");
            else if (Directory.Exists(path)) r.AddError($"{option.Name} '{path}' is a folder; give a file path.");
            else if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder)) r.AddError($"{option.Name} '{path}': the folder '{folder}' does not exist.");
        });
        return option;
    }

    /// <summary>A folder to write: not a file, and its parent folder exists.</summary>
    public static Option<string?> OutputFolder(this Option<string?> option)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is not { } path) return;
            if (path.Length == 0) r.AddError($"{option.Name} needs a folder path.");
            else if (File.Exists(path)) r.AddError($"{option.Name} '{path}' is a file; give a folder.");
            else if (Path.GetDirectoryName(Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar)) is { } parent && !Directory.Exists(parent)) r.AddError($"{option.Name} '{path}': the folder '{parent}' does not exist.");
        });
        return option;
    }

    /// <summary>The option's value, or null when its text did not parse (the parser reports that error itself).</summary>
    private static T? Parsed<T>(OptionResult result)
        where T : struct
    {
        try
        {
            return result.GetValueOrDefault<T>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static void Check(OptionResult result, string name, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be between {min:N0} and {max:N0}, not {value:N0}."));
        }
    }
}
