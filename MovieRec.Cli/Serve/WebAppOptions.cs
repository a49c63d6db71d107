namespace MovieRec.Cli.Serve;

/// <summary>Options of the web app (<c>movierec serve</c>).</summary>
internal sealed record WebAppOptions
{
    /// <summary>Named defaults.</summary>
    public static class Defaults
    {
        /// <summary>The port.</summary>
        public const int Port = 5080;

        /// <summary>The address: loopback only, so nothing is exposed by accident.</summary>
        public const string Host = "127.0.0.1";

        /// <summary>Requests per second one client address may make (fixed one-second windows).</summary>
        public const int RequestsPerSecond = 2_000;

        /// <summary>The largest request body accepted (bytes): a new visitor's ratings fit in far less.</summary>
        public const long MaxRequestBodyBytes = 64 * 1024;

        /// <summary>The most items a list endpoint returns.</summary>
        public const int MaxCount = 100;
    }

    /// <summary>The port (0: any free port).</summary>
    public int Port { get; init; } = Defaults.Port;

    /// <summary>The address to bind.</summary>
    public string Host { get; init; } = Defaults.Host;

    /// <summary>Requests per second one client address may make.</summary>
    public int RequestsPerSecond { get; init; } = Defaults.RequestsPerSecond;

    /// <summary>The largest request body accepted.</summary>
    public long MaxRequestBodyBytes { get; init; } = Defaults.MaxRequestBodyBytes;

    /// <summary>The dataset's name, shown on the page.</summary>
    public string DatasetName { get; init; } = "dataset";
}
