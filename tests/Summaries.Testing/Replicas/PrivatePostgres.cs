using System.Globalization;
using Npgsql;

namespace Summaries.Testing.Replicas;

/// <summary>
/// A PostgreSQL server of the test's own (initdb in a temp folder, a free port), so it can be
/// stopped and started under load without disturbing the tests that share the CI server. Needs the
/// PostgreSQL binaries and root (the server runs as the <c>postgres</c> user).
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;

    private PrivatePostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5;Command Timeout=30";

    /// <summary>Skips (or fails under SUMMARIES_REQUIRE_ALL=1) where the binaries or root are missing.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        var reason = bin is null ? "the PostgreSQL server binaries (/usr/lib/postgresql/*/bin) are missing"
            : Environment.UserName != "root" ? "starting a private PostgreSQL server needs root (it runs as the postgres user)" : null;
        if (reason is not null)
        {
            Assert.False(ExternalTools.RequireAll, reason + " and SUMMARIES_REQUIRE_ALL=1 forbids skipping.");
            Skip.If(true, reason + "; skipped.");
        }

        var folder = Directory.CreateTempSubdirectory("summaries-private-pg-").FullName;
        var server = new PrivatePostgres(bin!, folder, FreePort.Next());
        await server.AsPostgresAsync($"chown postgres {folder}", asRoot: true);
        await server.AsPostgresAsync($"{bin}/initdb -A trust -U postgres -D {folder}/data");
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Stops the server as an operator's restart does (fast: open sessions are ended).</summary>
    public Task StopServerAsync() => AsPostgresAsync($"{_bin}/pg_ctl -D {_folder}/data -m fast -w stop");

    public async Task StartServerAsync()
    {
        var port = Port.ToString(CultureInfo.InvariantCulture);
        await AsPostgresAsync($"{_bin}/pg_ctl -D {_folder}/data -w -l {_folder}/server.log -o \"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=200\" start");
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsPostgresAsync($"{_bin}/pg_ctl -D {_folder}/data -m immediate -w stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task AsPostgresAsync(string command, bool asRoot = false)
    {
        var result = asRoot
            ? await CommandRunner.RunAsync("sh", ["-c", command], timeout: TimeSpan.FromSeconds(60))
            : await CommandRunner.RunAsync("su", ["postgres", "-s", "/bin/sh", "-c", command], timeout: TimeSpan.FromSeconds(60));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed ({result.ExitCode}): {result.Stderr}{result.Stdout}");
        }
    }
}
