namespace Summaries.ServiceDefaults.Storage;

/// <summary>The schema version a store reached at start, and how many migrations that took.</summary>
/// <param name="Known">
/// The newest version this build knows; below <paramref name="Version"/> when a newer replica has
/// expanded the schema already (this build serves on, reading only what it knows). 0: not reported.
/// </param>
public readonly record struct SchemaVersion(int Version, int Applied, int Known = 0)
{
    /// <summary>Whether the database is ahead of this build (a rolling upgrade in progress).</summary>
    public bool NewerThanBuild => Known > 0 && Version > Known;
}
