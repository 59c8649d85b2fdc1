using Summaries.Summary.Facts;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Briefings;

/// <summary>Turns a verified draft into a <see cref="Briefing"/>, resolving fact ids to citations and entity keys to public names.</summary>
public static class BriefingAssembler
{
    public static Briefing Assemble(string name, ComposedBriefing composed, BriefingOptions options, DateTimeOffset now)
    {
        var sheet = composed.Facts;
        var draft = composed.Draft;
        var engine = new BriefingEngine(
            composed.Engine.Kind,
            composed.Engine.Model,
            composed.Engine.Version,
            draft.Usage?.PromptTokens ?? 0,
            draft.Usage?.CompletionTokens ?? 0,
            composed.Latency);
        return new Briefing(
            name,
            draft.Headline,
            Citations(draft.HeadlineFactIds, sheet),
            draft.Sections.Select(s => Section(s, sheet)).ToList(),
            engine,
            [.. composed.Warnings],
            sheet.Articles.Select(a => a.ArticleName).ToList(),
            now,
            options,
            composed.Balance);
    }

    /// <summary>One section, its fact ids resolved to citations.</summary>
    public static BriefingSection Section(DraftSection section, FactSheet sheet)
    {
        var party = section.PartyKey is null ? null : sheet.FindEntity(section.PartyKey);
        var sentences = section.Sentences.Select(sentence =>
        {
            var speaker = sentence.SpeakerKey is null ? null : sheet.FindEntity(sentence.SpeakerKey);
            return new BriefingSentence(
                sentence.Text,
                Citations(sentence.FactIds, sheet),
                speaker is null ? string.Empty : PublicNames.Of(speaker),
                speaker?.DisplayName ?? string.Empty);
        }).ToList();
        return new BriefingSection(
            section.Kind,
            section.Title,
            party is null ? string.Empty : PublicNames.Of(party),
            party?.DisplayName ?? string.Empty,
            sentences);
    }

    private static List<BriefingCitation> Citations(IEnumerable<string> factIds, FactSheet sheet) =>
        factIds.Select(sheet.FindFact).OfType<Fact>()
            .Select(f => new BriefingCitation(f.ArticleName, f.SentenceIndex, f.Start, f.End))
            .ToList();
}
