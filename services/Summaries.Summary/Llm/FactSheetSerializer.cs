using System.Text.Encodings.Web;
using System.Text.Json;
using Summaries.Summary.Facts;

namespace Summaries.Summary.Llm;

/// <summary>
/// Renders a fact sheet as compact JSON for the model. Only narrative facts are sent; captions
/// are not claims. JSON keeps article text clearly inside string values, as data.
/// </summary>
public static class FactSheetSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string ToJson(FactSheet sheet)
    {
        var payload = new
        {
            articles = sheet.Articles.Select(a => new { @ref = a.Ref, title = a.Title, source = a.Source, published = a.PublishTime?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }),
            entities = sheet.Entities.Select(e => new { key = e.Key, name = e.DisplayName, roles = e.Roles }),
            facts = sheet.Facts.Where(f => f.Kind == FactKind.Narrative).Select(f => new { id = f.Id, text = f.Text }),
            // The quoted words are already in the fact's text; only who said them is added.
            quotes = sheet.Quotes.Where(q => sheet.FindFact(q.FactId)?.Kind == FactKind.Narrative)
                .Select(q => new { fact_id = q.FactId, speaker = q.SpeakerKey, direct = q.Direct })
                .Distinct(),
        };
        // Angle brackets are escaped so no article text can close the <fact_sheet> delimiter.
        return JsonSerializer.Serialize(payload, Options).Replace("<", "\\u003c", StringComparison.Ordinal).Replace(">", "\\u003e", StringComparison.Ordinal);
    }
}
