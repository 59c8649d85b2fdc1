using Microsoft.Extensions.Time.Testing;

namespace Summaries.Ingestion.Tests.Infrastructure;

/// <summary>The instant every test clock starts at, so article dates in fixtures stay in the past.</summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);
}
