namespace Summaries.Language.Tagging;

/// <summary>
/// Fixes the model's output where it breaks a naming convention it saw too rarely to learn:
/// a courtesy title is not part of a person's name ("Mr Blinken" → "Blinken"), as in the CoNLL
/// guidelines and the rule-based annotator. Reuters seldom writes "Mr", so the training data
/// has a handful of examples and the model tends to take "Mr" into the name.
/// </summary>
internal static class NameConventions
{
    private const int Person = 0;

    public static void Apply(ReadOnlySpan<TokenAtoms> sentence, Span<int> labels)
    {
        for (var i = 0; i + 1 < labels.Length; i++)
        {
            var label = labels[i];
            if (label != NerLabels.Label(Person, NerLabels.Begin)
                || (sentence[i].Classes & LexiconClass.Honorific) == 0 || !sentence[i].Has(TokenFlags.InitialCapital))
            {
                continue;
            }

            const int type = Person;
            labels[i] = NerLabels.Outside;
            labels[i + 1] = NerLabels.PositionOf(labels[i + 1]) == NerLabels.Last
                ? NerLabels.Label(type, NerLabels.Unit)
                : NerLabels.Label(type, NerLabels.Begin);
        }
    }
}
