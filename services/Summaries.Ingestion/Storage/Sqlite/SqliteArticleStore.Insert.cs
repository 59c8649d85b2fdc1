using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Duplicates;

namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>Inserting: idempotency, exact and near-duplicate checks, all inside one write transaction.</summary>
public sealed partial class SqliteArticleStore
{
    // Ids are unique within this process; two processes drawing the same one in the same millisecond is
    // next to impossible, and a few fresh ids settle it.
    private const int IdAttempts = 3;

    public async Task<IReadOnlyList<CreateArticleOutcome>> InsertManyAsync(
        IReadOnlyList<NewArticleRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return [];
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            // BEGIN IMMEDIATE (the Microsoft.Data.Sqlite default): one writer at a time, so the checks
            // below and the insert see one consistent state, and sequences follow commit order.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var commands = new SqliteInsertCommands(connection, transaction);
            await EnsureTailAsync(connection, transaction, cancellationToken);
            var added = new List<long>();
            try
            {
                var outcomes = new List<CreateArticleOutcome>(records.Count);
                foreach (var record in records)
                {
                    outcomes.Add(await InsertOneAsync(commands, record, added, cancellationToken));
                }

                (List<(long Key, long Seq)> Rows, long Through)? indexed = null;
                if (_bandTail.Count >= tuning.Value.SqliteBandBatch)
                {
                    var batch = _bandTail.Batch();
                    await commands.InsertBandRowsAsync(batch.Rows, cancellationToken);
                    await commands.SetIndexedThroughAsync(batch.Through, cancellationToken);
                    indexed = batch;
                }

                await transaction.CommitAsync(cancellationToken);
                if (indexed is { } written)
                {
                    // The keys leave the tail and are in the table: the filter must know them first.
                    foreach (var (key, _) in written.Rows)
                    {
                        _bandFilter.Add(key);
                    }

                    _bandTail.Indexed(written.Through);
                }

                return outcomes;
            }
            catch
            {
                // Not committed: the originals of this group were never stored.
                added.ForEach(_bandTail.Remove);
                throw;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<CreateArticleOutcome> InsertOneAsync(
        SqliteInsertCommands commands, NewArticleRecord record, List<long> added, CancellationToken cancellationToken)
    {
        var keys = record.Fingerprint.BandKeys;
        var match = matcher.Enabled && keys.Count > 0
            ? matcher.Match(record.Fingerprint, await commands.CandidatesAsync(keys, matcher.MaxCandidates, _bandFilter, _bandTail, cancellationToken))
            : null;
        for (var attempt = 0; attempt < IdAttempts; attempt++)
        {
            // Inserted first, looked up only when that did not insert: a new article (the common case)
            // costs one statement instead of two.
            if (await commands.InsertAsync(record, match, cancellationToken) is { } inserted)
            {
                // Only originals are indexed: a copy of a copy then finds the original, and a story
                // copied a thousand times costs no more to match than one copied once. Later articles
                // of the same group see it at once.
                if (match is null && keys.Count > 0)
                {
                    _bandTail.Add(inserted.Sequence, keys);
                    added.Add(inserted.Sequence);
                }

                return new CreateArticleOutcome(inserted, Created: true);
            }

            // A unique key is taken: the request id (a retry) or the cleaned text (an exact duplicate),
            // which win in that order; otherwise, rarely, the id.
            if (await commands.FindExistingAsync(record, cancellationToken) is { } existing)
            {
                return new CreateArticleOutcome(existing, Created: false);
            }

            record = record with { Id = ArticleIds.NewId(record.CreateTime) };
        }

        throw new InvalidOperationException($"Could not find a free article id in {IdAttempts} attempts.");
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_bandTail.Loaded && _bandFilter.Loaded)
            {
                return;
            }

            var started = Stopwatch.GetTimestamp();
            await using var connection = await database.OpenAsync(cancellationToken);
            // A write transaction, as for an insert: no other process can move the watermark meanwhile.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await EnsureTailAsync(connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogLoaded(logger, _bandFilter.Count, _bandTail.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task EnsureTailAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        if (!_bandTail.Loaded)
        {
            await _bandTail.LoadAsync(connection, transaction, cancellationToken);
        }

        if (!_bandFilter.Loaded)
        {
            await _bandFilter.LoadAsync(connection, transaction, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the band filter ({IndexedKeys} indexed band keys) and {TailOriginals} originals not yet indexed in {Milliseconds:F0} ms")]
    private static partial void LogLoaded(ILogger logger, long indexedKeys, int tailOriginals, double milliseconds);
}
