using System.Globalization;
using System.Text;
using Summaries.Summary.Facts;
using Summaries.Summary.Text;

namespace Summaries.Summary.Llm;

/// <summary>The fact sheet as the model sees it, and how its short party keys map back to entities.</summary>
public sealed record PromptSheet(string Text, IReadOnlyDictionary<string, string> PartyKeys);

/// <summary>
/// Renders a fact sheet as compact lines for the model: one line per article, party and fact,
/// fields separated by " | ". Parties get short keys (P1, P2 …) to save tokens. Only narrative
/// facts are sent (captions and instruction-like text are not claims), and text is flattened to
/// one line with angle brackets escaped and invisible characters removed, so no article can break out
/// of the delimiters or hide words from the model's reader.
/// </summary>
public static class FactSheetSerializer
{
    public static PromptSheet Render(FactSheet sheet)
    {
        var parties = new Dictionary<string, string>(StringComparer.Ordinal);
        var shortOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in sheet.Entities)
        {
            var key = "P" + (parties.Count + 1).ToString(CultureInfo.InvariantCulture);
            parties[key] = e.Key;
            shortOf[e.Key] = key;
        }

        var sb = new StringBuilder();
        sb.Append("ARTICLES (ref | title | source | published)\n");
        foreach (var a in sheet.Articles)
        {
            // A title written to instruct a model is withheld like any such sentence.
            var title = InstructionDetector.LooksLikeInstruction(a.Title) ? "untitled" : Clean(a.Title);
            sb.Append(a.Ref).Append(" | ").Append(title).Append(" | ").Append(Clean(a.Source)).Append(" | ")
                .Append(a.PublishTime?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown").Append('\n');
        }

        sb.Append("PARTIES (key | name | roles)\n");
        foreach (var e in sheet.Entities)
        {
            sb.Append(shortOf[e.Key]).Append(" | ").Append(Clean(e.DisplayName)).Append(" | ")
                .Append(string.Join("; ", e.Roles.Select(Clean))).Append('\n');
        }

        sb.Append("FACTS (id | text | who is quoted: \"quote P1\" in quotation marks, \"reported P1\" paraphrased)\n");
        foreach (var f in sheet.Facts.Where(f => f.Kind == FactKind.Narrative))
        {
            sb.Append(f.Id).Append(" | ").Append(Clean(f.Text));
            var speakers = sheet.QuotesIn(f.Id)
                .Where(q => shortOf.ContainsKey(q.SpeakerKey))
                .Select(q => (q.Direct ? "quote " : "reported ") + shortOf[q.SpeakerKey])
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (speakers.Count > 0)
            {
                sb.Append(" | ").Append(string.Join(", ", speakers));
            }

            sb.Append('\n');
        }

        return new PromptSheet(sb.ToString().TrimEnd('\n'), parties);
    }

    private static string Clean(string text) =>
        Invisible.Strip(text).Replace('\n', ' ').Replace('\r', ' ').Replace('|', '/').Replace("<", "‹", StringComparison.Ordinal).Replace(">", "›", StringComparison.Ordinal).Trim();
}
