using System.Net;
using System.Net.Sockets;

namespace Summaries.Ingestion.Tests.Infrastructure;

/// <summary>
/// The service with an entity service that accepts connections and never answers (a blackholed
/// network), and a short annotation deadline.
/// </summary>
public class SilentEntityFactory : IngestionFactory
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromMilliseconds(300);
    private readonly TcpListener _listener;
    private readonly List<TcpClient> _accepted = [];
    private readonly CancellationTokenSource _stop = new();
    private bool _disposed;

    public SilentEntityFactory()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>Further settings applied over this factory's.</summary>
    protected SilentEntityFactory(IReadOnlyDictionary<string, string> settings)
        : this(StartListener(), settings)
    {
    }

    private SilentEntityFactory(TcpListener listener, IReadOnlyDictionary<string, string> settings)
        : base(new Dictionary<string, string>
        {
            ["Clients:EntityService:Address"] = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}",
            ["Ingestion:Annotation:CallTimeout"] = CallTimeout.ToString(),
            // A create waits out the call's deadline (unless a test sets a shorter wait), however
            // slowly a loaded machine gets there.
            ["Ingestion:Annotation:CreateWait"] = "00:00:10",
            ["Ingestion:Annotation:RetryInterval"] = "00:01:00",
        }.Concat(settings).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value))
    {
        _listener = listener;
        _ = AcceptForeverAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // The factory may be disposed more than once (Dispose and DisposeAsync); stop only once.
        if (disposing && !_disposed)
        {
            _disposed = true;
            _stop.Cancel();
            _listener.Stop();
            lock (_accepted)
            {
                _accepted.ForEach(c => c.Dispose());
            }

            _stop.Dispose();
        }
    }

    private static TcpListener StartListener()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    private async Task AcceptForeverAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_accepted)
                {
                    _accepted.Add(client);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
