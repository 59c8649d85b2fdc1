namespace Summaries.Entity.Registry;

/// <summary>
/// Whether a short person name and the one fuller person it fits are the same person: a role in
/// common (by head word: "chairman" of "chairman of the Norwegian Nobel Committee"), or the event in
/// common, at least <see cref="SharedEntities"/> other registered entities that this article names
/// and that appear in an article beside the candidate.
/// </summary>
internal sealed class PersonEvidence(IReadOnlyDictionary<string, IReadOnlySet<string>> coOccurring)
{
    /// <summary>One shared place ("United States") is no event; two shared entities are.</summary>
    public const int SharedEntities = 2;

    public static PersonEvidence None => new(new Dictionary<string, IReadOnlySet<string>>());

    /// <summary>The names this article's entities resolve to; set by the plan.</summary>
    public IReadOnlyList<string> Context { get; set; } = [];

    /// <param name="candidate">The registered row whose articles are compared.</param>
    /// <param name="roles">The roles of one side.</param>
    /// <param name="otherRoles">The roles of the other.</param>
    /// <param name="partner">The other side's name, not counted as shared.</param>
    public bool Agrees(string candidate, IEnumerable<string> roles, IEnumerable<string> otherRoles, string partner)
    {
        if (PersonNameForms.RoleHeads(roles).Intersect(PersonNameForms.RoleHeads(otherRoles), StringComparer.Ordinal).Any())
        {
            return true;
        }

        return coOccurring.TryGetValue(candidate, out var beside)
            && Context.Count(n => n != candidate && n != partner && beside.Contains(n)) >= SharedEntities;
    }
}
