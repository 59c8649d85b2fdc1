using Summaries.Language.Recognition;

namespace Summaries.Language.Resolution;

/// <summary>A canonical entity while it is being built: its mentions (by candidate index) and roles.</summary>
internal sealed class EntityCluster(EntityKind kind, string mergeKey)
{
    public EntityKind Kind { get; set; } = kind;

    public Evidence Evidence { get; set; }

    /// <summary>Name key for places and organisations; for people the lowercased full name.</summary>
    public string MergeKey { get; } = mergeKey;

    /// <summary>A person's name tokens (lowercase, no initials) from the fullest mention.</summary>
    public IReadOnlyList<string> NameTokens { get; set; } = [];

    public List<int> Mentions { get; } = [];

    /// <summary>Its place in the order clusters were added (<see cref="ClusterState"/> lists them in it).</summary>
    public int Sequence { get; set; }

    /// <summary>Merged into another and no longer listed.</summary>
    public bool Removed { get; set; }

    public List<RoleBinding> Roles { get; } = [];

    /// <summary>Role phrases used alone that resolved to this entity ("the Chinese President").</summary>
    public List<RoleReference> References { get; } = [];
}
