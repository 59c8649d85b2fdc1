using Summaries.Language.Lexicons;
using Summaries.Language.Recognition;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Resolution;

/// <summary>
/// Merges mentions into canonical entities. Places and organisations merge on their name key
/// (aliases included: "US", "U.S.", "America"); an acronym joins the full name it abbreviates.
/// People merge on full names; a short form ("Mr Blinken", "Xi", "Wang") joins the fullest name
/// sharing its surname, or its first word for family-name-first names. Role phrases used alone
/// ("the top US diplomat") join the person whose bound role they match.
/// </summary>
internal sealed class EntityResolver(Lexicon lexicon)
{
    public ResolvedEntities Resolve(TokenizedText text, IReadOnlyList<MentionCandidate> candidates, RoleAnalysis roles, CancellationToken cancellationToken = default)
    {
        var keys = new MentionKeys(lexicon, text.Text);
        var mentions = KindUnifier.Unify(candidates, keys);
        var state = new ClusterState(mentions);

        foreach (var (m, mention) in Enumerate(mentions, cancellationToken))
        {
            var name = PersonNames.Tokens(text, mention);
            if (mention.Kind == EntityKind.Person && !mention.KindOpen && name.Count >= 2)
            {
                var cluster = state.PersonWithFullName(name)
                    ?? state.Add(new EntityCluster(EntityKind.Person, string.Join(' ', name)) { NameTokens = name });
                if (name.Count > cluster.NameTokens.Count)
                {
                    state.Rename(cluster, name);
                }

                state.Assign(m, cluster);
            }
        }

        foreach (var (m, mention) in Enumerate(mentions, cancellationToken))
        {
            if (state.ClusterOf[m] is null && mention.Kind != EntityKind.Person && !mention.KindOpen)
            {
                var key = keys.NameKey(mention);
                // A surname guessed as a place or body ("Clinton spokesman", "in Machado") or a listed place
                // that is also someone's surname here ("Jordan") is that person.
                var single = mention.LastToken == mention.FirstToken && mention.Source == MentionSource.Name;
                var person = single && (mention.Group is not null || mention.Evidence < Evidence.Strong)
                    ? state.Match(key, mention.Start, byLastName: true, fullOnly: true)
                    : null;
                state.Assign(m, person ?? state.ByKey(mention.Kind, key));
            }
        }

        foreach (var (m, mention) in Enumerate(mentions, cancellationToken))
        {
            if (state.ClusterOf[m] is null)
            {
                state.Assign(m, ResolveShortForm(text, keys, state, mention));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        AcronymMerger.Merge(text.Text, state);
        foreach (var binding in roles.Bindings)
        {
            state.ClusterOf[binding.Mention]?.Roles.Add(binding);
        }

        foreach (var reference in roles.References)
        {
            ResolveReference(state, reference)?.References.Add(reference);
        }

        return ClusterOutput.Build(text, mentions, state, cancellationToken);
    }

    /// <summary>The mentions with their indexes, checking the token every 4,096 (a text may hold a hundred thousand).</summary>
    private static IEnumerable<(int Index, MentionCandidate Mention)> Enumerate(IReadOnlyList<MentionCandidate> mentions, CancellationToken cancellationToken) =>
        mentions.Select((mention, index) =>
        {
            if (index % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            return (index, mention);
        });

    /// <summary>A single name word: a surname, a family-name-first surname, or a name seen before on its own.</summary>
    private static EntityCluster ResolveShortForm(TokenizedText text, MentionKeys keys, ClusterState state, MentionCandidate mention)
    {
        var name = PersonNames.Tokens(text, mention);
        var word = name.Count > 0 ? name[^1] : keys.NameKey(mention);
        if (mention.Kind == EntityKind.Person || mention.KindOpen)
        {
            var person = state.Match(word, mention.Start, byLastName: true, fullOnly: false)
                ?? state.Match(word, mention.Start, byLastName: false, fullOnly: false);
            if (person is not null)
            {
                return person;
            }
        }

        if (mention.KindOpen && state.Find(keys.NameKey(mention)) is { } named)
        {
            return named;
        }

        if (mention.Kind == EntityKind.Person)
        {
            var key = string.Join(' ', name.Count > 0 ? name : [word]);
            return state.PersonByMergeKey(key)
                ?? state.Add(new EntityCluster(EntityKind.Person, key) { NameTokens = name.Count > 0 ? name : [word] });
        }

        return state.ByKey(mention.Kind, keys.NameKey(mention));
    }

    /// <summary>The person holding a matching role: same head or a more specific one, and the same qualifier if given.</summary>
    private EntityCluster? ResolveReference(ClusterState state, RoleReference reference)
    {
        var specifics = lexicon.RoleHypernyms.GetValueOrDefault(reference.Head);
        var holders = state.Clusters.Where(c => c.Kind == EntityKind.Person && c.Roles.Any(role =>
            (role.Head == reference.Head || (specifics?.Contains(role.Head) ?? false))
            && (reference.Qualifier is null || role.Qualifier == reference.Qualifier))).ToList();
        return holders.Count <= 1 ? holders.FirstOrDefault() : state.Nearest(holders, reference.Start);
    }
}
