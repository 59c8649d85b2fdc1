using Summaries.Language.Lexicons;
using Summaries.Language.Recognition;

namespace Summaries.Language.Resolution;

/// <summary>Merge keys for mentions: gazetteer groups and aliases first, else the normalised text.</summary>
internal sealed class MentionKeys(Lexicon lexicon, string text)
{
    /// <summary>The key non-person mentions merge on ("U.S.", "America" → "united states").</summary>
    public string NameKey(MentionCandidate mention)
    {
        if (mention.Group is not null)
        {
            return mention.Group;
        }

        var key = string.Join(' ', LexiconKeys.Normalize(text[mention.Start..mention.End])
            .Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (key.StartsWith("the ", StringComparison.Ordinal))
        {
            key = key[4..];
        }

        return lexicon.Aliases.GetValueOrDefault(key, key);
    }

    /// <summary>What a qualifier points at: the place for a nationality word ("Chinese" → "china"), else its name key.</summary>
    public string PlaceKey(MentionCandidate mention) =>
        mention is { Kind: EntityKind.Misc, Place: { } place } ? place : NameKey(mention);
}
