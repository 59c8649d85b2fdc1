using System.Collections.Concurrent;

namespace Summaries.Deploy.Tests.Infrastructure;

/// <summary>Renders each overlay once per test run; the tools are checked on every call so a test skips itself.</summary>
public sealed class OverlayRenders
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RenderedManifests>>> renders = new();

    public Task<RenderedManifests> GetAsync(string overlay)
    {
        RenderedManifests.RequireTools();
        return renders.GetOrAdd(
            overlay,
            name => new Lazy<Task<RenderedManifests>>(() => RenderedManifests.RenderAsync(RepoPaths.Overlay(name)))).Value;
    }
}
