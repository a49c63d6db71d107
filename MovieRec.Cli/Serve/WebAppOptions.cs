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

    /// <summary>Where the app logs the requests that failed with a 500 (with their request id); null: standard error.</summary>
    public TextWriter? ErrorLog { get; init; }

    /// <summary>The dataset's name, shown on the page.</summary>
    public string DatasetName { get; init; } = "dataset";

    /// <summary>The address <see cref="Host"/> names: an IP address, or <c>localhost</c> (the IPv4 loopback).</summary>
    /// <exception cref="ArgumentException">Anything else: a host name is never resolved, and never read as "every address".</exception>
    public System.Net.IPAddress Address => ParseHost(Host);

    /// <summary>Parses a <c>--host</c> value; see <see cref="Address"/>.</summary>
    public static System.Net.IPAddress ParseHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return System.Net.IPAddress.Loopback;
        var text = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (System.Net.IPAddress.TryParse(text, out var address) && (text.Contains(':', StringComparison.Ordinal) || text.Count(c => c == '.') == 3)) return address;
        throw new ArgumentException($"--host {host} is not an IP address or 'localhost' (names are not resolved: 127.0.0.1 serves this machine only, 0.0.0.0 every interface).");
    }

    /// <summary>The Host header values the app answers: loopback names when it listens on loopback, the bound address
    /// and loopback names for one address, anything when it listens on every interface (behind a proxy, which checks
    /// names). Other Host headers get 400, which stops DNS rebinding.</summary>
    public IReadOnlyList<string> AllowedHosts
    {
        get
        {
            var address = Address;
            if (address.Equals(System.Net.IPAddress.Any) || address.Equals(System.Net.IPAddress.IPv6Any)) return ["*"];
            string[] loopback = ["localhost", "127.0.0.1", "[::1]"];
            if (System.Net.IPAddress.IsLoopback(address)) return loopback;
            return [address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString(), .. loopback];
        }
    }
}
