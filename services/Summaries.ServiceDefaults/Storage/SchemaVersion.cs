namespace Summaries.ServiceDefaults.Storage;

/// <summary>The schema version a store reached at start, and how many migrations that took.</summary>
public readonly record struct SchemaVersion(int Version, int Applied);
