using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MLOps.Tests.Shared.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for tests: Debian's postgresql binaries (initdb, pg_ctl), a data directory under the
/// temp folder, 127.0.0.1 on a free port, trust authentication. One server per test process (<see cref="Shared"/>),
/// a new database per test (<see cref="CreateDatabase"/>), stopped and deleted when the process exits. initdb refuses
/// to run as root, so as root the server runs as the postgres user (runuser) and owns its data directory.
/// </summary>
internal sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string _dataDirectory;
    private int _databases;

    private PostgresServer(string binaries, string dataDirectory, int port)
    {
        Binaries = binaries;
        _dataDirectory = dataDirectory;
        Port = port;
    }

    public string Binaries { get; }

    public int Port { get; }

    /// <summary>What is missing for these tests here (null when PostgreSQL can run): say it in the skip reason.</summary>
    public static string? Missing { get; } = FindMissing();

    public static PostgresServer Shared => Instance.Value;

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public string CreateDatabase()
    {
        string name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..8]}";
        Run("psql", $"-h 127.0.0.1 -p {Port} -U postgres -d postgres -v ON_ERROR_STOP=1 -q -c \"CREATE DATABASE {name}\"");
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Pooling=false";

    private static PostgresServer Start()
    {
        if (Missing is not null)
            throw new InvalidOperationException(Missing);
        string binaries = FindBinaries()!;
        string data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"mlops-pg-{Guid.NewGuid():N}")).FullName;
        var server = new PostgresServer(binaries, data, FreePort());
        if (IsRoot)
            Exec("chown", $"postgres:postgres \"{data}\"");
        server.Run("initdb", $"-D \"{data}\" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync");
        server.Run("pg_ctl", $"-D \"{data}\" -l \"{data}/server.log\" -w -t 60 -o \"-p {server.Port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        try
        {
            Run("pg_ctl", $"-D \"{_dataDirectory}\" -m immediate -w stop");
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // A server that will not stop, or a folder left behind, must not fail the test run that is ending.
        }
    }

    private void Run(string tool, string arguments)
    {
        string path = Path.Combine(Binaries, tool);
        if (IsRoot)
            Exec("runuser", $"-u postgres -- {path} {arguments}");
        else
            Exec(path, arguments);
    }

    private static void Exec(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {error}{output.Result}");
    }

    private static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The newest /usr/lib/postgresql/&lt;version&gt;/bin that has initdb, pg_ctl and psql.</summary>
    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
            return null;
        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => new[] { "initdb", "pg_ctl", "psql" }.All(t => File.Exists(Path.Combine(b, t))))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out int v) ? v : 0)
            .FirstOrDefault();
    }

    private static string? FindMissing()
    {
        if (!OperatingSystem.IsLinux())
            return "PostgreSQL tests run on Linux with Debian's postgresql package; this is not Linux.";
        if (FindBinaries() is null)
            return "PostgreSQL is not installed: no /usr/lib/postgresql/<version>/bin with initdb, pg_ctl and psql (apt-get install postgresql).";
        if (IsRoot && (!File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser") || !File.ReadAllText("/etc/passwd").Contains("\npostgres:", StringComparison.Ordinal)))
            return "PostgreSQL cannot start as root and there is no postgres user or runuser to start it as (the postgresql package creates the user).";
        return null;
    }
}
