using System.Globalization;
using System.Text;
using Summaries.Language;

namespace Summaries.Evaluation;

/// <summary>
/// Direct-quote speaker scores against PolNeAR. Gold: attributions whose content holds a double
/// quotation mark (straight or curly). Predicted: <see cref="QuoteInfo.Direct"/> quotes. A
/// prediction is correct when its span overlaps a gold content fragment and its speaker overlaps
/// that attribution's source — directly, or through another mention of the same entity.
/// </summary>
internal sealed class QuoteScorer
{
    public int Gold { get; private set; }

    public int GoldWithoutSource { get; private set; }

    public int Predicted { get; private set; }

    public int PredictedWithoutSpeaker { get; private set; }

    /// <summary>Predicted quotes that overlap some gold direct quote, whatever their speaker.</summary>
    public int SpanMatched { get; private set; }

    public int Correct { get; private set; }

    public int GoldMatched { get; private set; }

    /// <summary>Gold direct quotes that some prediction overlaps, whatever its speaker.</summary>
    public int GoldSpanMatched { get; private set; }

    /// <summary>Quotes found at a gold quote's place but given another speaker: quote, predicted speaker, gold source.</summary>
    public List<(string Quote, string Predicted, string Gold)> WrongSpeakers { get; } = [];

    /// <summary>Quotes found where no gold direct quote is (scare quotes, titles, missed boundaries): quote and predicted speaker.</summary>
    public List<(string Quote, string Predicted)> Spurious { get; } = [];

    /// <summary>Gold direct quotes that no prediction overlaps: the quote and its gold source.</summary>
    public List<(string Quote, string Gold)> Missed { get; } = [];

    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)GoldMatched / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static bool IsDirect(PolnearAttribution attribution) =>
        attribution.Content is { } content && content.Any(f => f.Text.AsSpan().IndexOfAny("\"“”") >= 0);

    public void Add(PolnearRecord record, TextAnnotation annotation)
    {
        var offsets = new CodePointOffsets(record.Text);
        var gold = record.Attributions.Where(IsDirect)
            .Select(a => new GoldQuote(Spans(a.Content, offsets), Spans(a.Source, offsets)))
            .ToList();
        Gold += gold.Count;
        GoldWithoutSource += gold.Count(g => g.Source.Count == 0);

        var matched = new bool[gold.Count];
        var spanMatched = new bool[gold.Count];
        foreach (var quote in annotation.Quotes.Where(q => q.Direct))
        {
            Predicted++;
            PredictedWithoutSpeaker += quote.SpeakerStart < 0 && quote.SpeakerKey is null ? 1 : 0;
            var speakerSpans = SpeakerSpans(quote, annotation);
            var anySpan = false;
            var correct = false;
            for (var g = 0; g < gold.Count; g++)
            {
                if (!gold[g].Content.Any(c => Overlaps(c, (quote.Start, quote.End))))
                {
                    continue;
                }

                anySpan = true;
                spanMatched[g] = true;
                if (gold[g].Source.Any(s => speakerSpans.Any(m => Overlaps(s, m))))
                {
                    correct = true;
                    matched[g] = true;
                }
            }

            SpanMatched += anySpan ? 1 : 0;
            Correct += correct ? 1 : 0;
            var predicted = quote.SpeakerStart >= 0 ? record.Text[quote.SpeakerStart..quote.SpeakerEnd] : quote.SpeakerKey ?? "(none)";
            if (!anySpan)
            {
                Spurious.Add((Excerpt(record.Text, quote.Start, quote.End), predicted));
            }
            else if (!correct)
            {
                var goldSource = gold.Where(g => g.Content.Any(c => Overlaps(c, (quote.Start, quote.End))))
                    .SelectMany(g => g.Source).Select(span => record.Text[span.Start..span.End]).FirstOrDefault() ?? "(none)";
                WrongSpeakers.Add((Excerpt(record.Text, quote.Start, quote.End), predicted, goldSource));
            }
        }

        GoldMatched += matched.Count(m => m);
        GoldSpanMatched += spanMatched.Count(m => m);
        for (var g = 0; g < gold.Count; g++)
        {
            if (!spanMatched[g] && gold[g].Content.Count > 0)
            {
                var source = gold[g].Source.Select(span => record.Text[span.Start..span.End]).FirstOrDefault() ?? "(none)";
                Missed.Add((Excerpt(record.Text, gold[g].Content[0].Start, gold[g].Content[^1].End), source));
            }
        }
    }

    public string Report()
    {
        var builder = new StringBuilder();
        var spanPrecision = Predicted == 0 ? 0 : (double)SpanMatched / Predicted;
        var spanRecall = Gold == 0 ? 0 : (double)GoldSpanMatched / Gold;
        builder.AppendLine(CultureInfo.InvariantCulture, $"gold direct quotes={Gold} (without source={GoldWithoutSource})");
        builder.AppendLine(CultureInfo.InvariantCulture, $"predicted direct quotes={Predicted} (without speaker={PredictedWithoutSpeaker})");
        builder.AppendLine(CultureInfo.InvariantCulture, $"quote span only: precision={spanPrecision:F4} ({SpanMatched}/{Predicted}) recall={spanRecall:F4} ({GoldSpanMatched}/{Gold})");
        builder.AppendLine(CultureInfo.InvariantCulture, $"with speaker:    precision={Precision:F4} ({Correct}/{Predicted}) recall={Recall:F4} ({GoldMatched}/{Gold})");
        return builder.ToString();
    }

    private static string Excerpt(string text, int start, int end)
    {
        var from = Math.Max(0, start - 80);
        var to = Math.Min(text.Length, end + 80);
        return text[from..to].ReplaceLineEndings(" ");
    }

    /// <summary>The speaker's own words, and every mention of the entity it resolved to.</summary>
    private static List<(int Start, int End)> SpeakerSpans(QuoteInfo quote, TextAnnotation annotation)
    {
        var spans = new List<(int, int)>();
        if (quote.SpeakerStart >= 0)
        {
            spans.Add((quote.SpeakerStart, quote.SpeakerEnd));
        }

        if (quote.SpeakerKey is { } key)
        {
            spans.AddRange(annotation.Mentions.Where(m => string.Equals(m.EntityKey, key, StringComparison.Ordinal)).Select(m => (m.Start, m.End)));
        }

        return spans;
    }

    private static List<(int Start, int End)> Spans(IReadOnlyList<PolnearFragment>? fragments, CodePointOffsets offsets) =>
        fragments?.Select(f => (offsets.ToUtf16(f.Start), offsets.ToUtf16(f.End))).ToList() ?? [];

    private static bool Overlaps((int Start, int End) a, (int Start, int End) b) => a.Start < b.End && b.Start < a.End;

    private sealed record GoldQuote(List<(int Start, int End)> Content, List<(int Start, int End)> Source);
}
