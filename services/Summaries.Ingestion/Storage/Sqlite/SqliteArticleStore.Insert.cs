using Microsoft.Data.Sqlite;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Duplicates;

namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>Inserting: idempotency, exact and near-duplicate checks, all inside one write transaction.</summary>
public sealed partial class SqliteArticleStore
{
    // A random 60-bit id colliding is next to impossible; a few fresh ids settle it.
    private const int IdAttempts = 3;

    public async Task<IReadOnlyList<CreateArticleOutcome>> InsertManyAsync(
        IReadOnlyList<NewArticleRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        // BEGIN IMMEDIATE (the Microsoft.Data.Sqlite default): one writer at a time, so the checks
        // below and the insert see one consistent state, and sequences follow commit order.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var commands = new SqliteInsertCommands(connection, transaction);
        var outcomes = new List<CreateArticleOutcome>(records.Count);
        foreach (var record in records)
        {
            outcomes.Add(await InsertOneAsync(commands, record, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    private async Task<CreateArticleOutcome> InsertOneAsync(
        SqliteInsertCommands commands, NewArticleRecord record, CancellationToken cancellationToken)
    {
        // By request id first (a retry), then by identical cleaned text.
        if (await commands.FindExistingAsync(record, cancellationToken) is { } existing)
        {
            return new CreateArticleOutcome(existing, Created: false);
        }

        var match = matcher.Enabled && record.Fingerprint.BandKeys.Count > 0
            ? matcher.Match(record.Fingerprint, await commands.CandidatesAsync(record.Fingerprint.BandKeys, matcher.MaxCandidates, cancellationToken))
            : null;
        for (var attempt = 0; attempt < IdAttempts; attempt++)
        {
            if (await commands.InsertAsync(record, match, cancellationToken) is { } inserted)
            {
                // Only originals are indexed: a copy of a copy then finds the original, and a story
                // copied a thousand times costs no more to match than one copied once.
                if (match is null)
                {
                    await SqliteBands.InsertAsync(commands.Connection, commands.Transaction, inserted.Sequence, record.Fingerprint.BandKeys, cancellationToken);
                }

                return new CreateArticleOutcome(inserted, Created: true);
            }

            record = record with { Id = ArticleNames.NewId() };
        }

        throw new InvalidOperationException($"Could not find a free article id in {IdAttempts} attempts.");
    }
}
