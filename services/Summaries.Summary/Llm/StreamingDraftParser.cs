using System.Text;
using System.Text.Json;
using Summaries.Summary.Facts;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Llm;

/// <summary>
/// Reads the model's JSON answer while it arrives, in pieces cut anywhere, and reports each part
/// as soon as it is complete: the headline once its fact ids are known, then every element of
/// "sections". It accepts exactly what <see cref="DraftJsonParser"/> accepts (an optional code
/// fence around one JSON object), parses each section the same way, and <see cref="Complete"/>
/// parses the whole answer with it, so the parts always agree with the whole.
/// </summary>
public sealed class StreamingDraftParser(FactSheet sheet, IReadOnlyDictionary<string, string> partyKeys)
{
    private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
    private readonly StringBuilder _text = new();
    private byte[] _bytes = new byte[4096];
    private int _length;
    private int _consumed = -1;
    private JsonReaderState _state;
    private string? _property;
    private int _elementStart = -1;
    private string? _headline;
    private List<string>? _headlineFacts;
    private bool _headlineReported;

    /// <summary>True once the root JSON object has closed.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>Everything received so far.</summary>
    public string Text => _text.ToString();

    /// <summary>Takes the next piece of the answer and returns the parts it completed.</summary>
    /// <exception cref="InvalidLlmOutputException">The answer is not the JSON asked for.</exception>
    public IReadOnlyList<DraftPart> Append(string piece)
    {
        _text.Append(piece);
        AppendBytes(piece, flush: false);
        var parts = new List<DraftPart>();
        if (IsComplete || (_consumed < 0 && !FindStart()))
        {
            return parts;
        }

        var reader = new Utf8JsonReader(_bytes.AsSpan(_consumed, _length - _consumed), isFinalBlock: false, _state);
        try
        {
            while (!IsComplete && reader.Read())
            {
                Handle(ref reader, _consumed + (int)reader.TokenStartIndex, parts);
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidLlmOutputException("not JSON: " + ex.Message);
        }

        _consumed += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        return parts;
    }

    /// <summary>The whole answer, parsed and validated, once the stream has ended.</summary>
    /// <exception cref="InvalidLlmOutputException">The answer is incomplete or not the JSON asked for.</exception>
    public BriefingDraft Complete()
    {
        AppendBytes(string.Empty, flush: true);
        return DraftJsonParser.Parse(Text, sheet, partyKeys);
    }

    /// <summary>Skips whitespace and an opening code fence line; false until the JSON's start is known.</summary>
    private bool FindStart()
    {
        var i = 0;
        while (i < _length && IsSpace(_bytes[i]))
        {
            i++;
        }

        if (i == _length)
        {
            return false;
        }

        if (_bytes[i] == (byte)'`')
        {
            var newline = Array.IndexOf(_bytes, (byte)'\n', i, _length - i);
            if (newline < 0)
            {
                return false;
            }

            i = newline + 1;
        }

        _consumed = i;
        _state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        return true;
    }

    private void Handle(ref Utf8JsonReader reader, int at, List<DraftPart> parts)
    {
        var depth = reader.CurrentDepth;
        switch (reader.TokenType)
        {
            case JsonTokenType.EndObject when depth == 0:
                IsComplete = true;
                return;
            case JsonTokenType.PropertyName when depth == 1:
                _property = reader.GetString();
                return;
            case JsonTokenType.String when depth == 1 && _property == "headline":
                _headline = reader.GetString()?.Trim();
                break;
            case JsonTokenType.StartArray when depth == 1 && _property == "headline_fact_ids":
            case JsonTokenType.StartObject when depth == 2 && _property == "sections":
                _elementStart = at;
                return;
            case JsonTokenType.EndArray when depth == 1 && _property == "headline_fact_ids":
                using (var ids = JsonDocument.Parse(Slice(at)))
                {
                    _headlineFacts = ids.RootElement.EnumerateArray()
                        .Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList();
                }

                break;
            case JsonTokenType.EndObject when depth == 2 && _property == "sections":
                ReportHeadline(parts);
                using (var section = JsonDocument.Parse(Slice(at)))
                {
                    parts.Add(new DraftSectionDone(DraftJsonParser.ParseSection(section.RootElement, sheet, partyKeys)));
                }

                return;
            default:
                return;
        }

        if (_headlineFacts is not null)
        {
            ReportHeadline(parts);
        }
    }

    private void ReportHeadline(List<DraftPart> parts)
    {
        if (!_headlineReported && !string.IsNullOrWhiteSpace(_headline) && _headlineFacts is not null)
        {
            _headlineReported = true;
            parts.Add(new DraftHeadline(_headline, _headlineFacts));
        }
    }

    private ReadOnlyMemory<byte> Slice(int endTokenAt) => _bytes.AsMemory(_elementStart, endTokenAt + 1 - _elementStart);

    private void AppendBytes(string piece, bool flush)
    {
        var needed = _encoder.GetByteCount(piece, flush);
        if (_length + needed > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + needed));
        }

        _length += _encoder.GetBytes(piece, _bytes.AsSpan(_length), flush);
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
