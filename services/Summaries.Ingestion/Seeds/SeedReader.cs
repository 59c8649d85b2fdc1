using System.Globalization;
using System.Text.Json;
using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Seeds;

/// <summary>Reads one seed: <c>NAME.json</c> (metadata) and <c>NAME.txt</c> (the body, exactly as received).</summary>
public static class SeedReader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// The create command for the pair. Throws <see cref="InvalidDataException"/> (or an I/O error)
    /// when the pair is incomplete or malformed. Without a <c>request_id</c> the key is <c>seed-NAME</c>,
    /// so reloading never stores a second copy either way.
    /// </summary>
    public static async Task<CreateArticleCommand> ReadAsync(string jsonPath, CancellationToken cancellationToken)
    {
        var stem = Path.GetFileNameWithoutExtension(jsonPath);
        var textPath = Path.ChangeExtension(jsonPath, ".txt");
        if (!File.Exists(textPath))
        {
            throw new InvalidDataException($"{stem}.json has no {stem}.txt beside it");
        }

        SeedMetadata? metadata;
        await using (var stream = File.OpenRead(jsonPath))
        {
            try
            {
                metadata = await JsonSerializer.DeserializeAsync<SeedMetadata>(stream, Json, cancellationToken);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{stem}.json is not valid: {ex.Message}", ex);
            }
        }

        if (metadata is null)
        {
            throw new InvalidDataException($"{stem}.json is empty");
        }

        var body = await File.ReadAllTextAsync(textPath, cancellationToken);
        var article = new ArticleInput(
            metadata.Title ?? string.Empty, body, metadata.Source ?? string.Empty, metadata.Url ?? string.Empty,
            ParseTime(stem, metadata.PublishTime), metadata.Language ?? string.Empty);
        var requestId = string.IsNullOrWhiteSpace(metadata.RequestId) ? "seed-" + stem : metadata.RequestId;
        return new CreateArticleCommand(article, requestId);
    }

    private static DateTimeOffset? ParseTime(string stem, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : throw new InvalidDataException($"{stem}.json: publish_time '{text}' is not an RFC 3339 time");
    }

    private sealed record SeedMetadata(
        string? Title,
        string? Source,
        string? Url,
        string? PublishTime,
        string? Language,
        string? RequestId);
}
