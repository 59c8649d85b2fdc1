using Npgsql;

namespace Summaries.Ingestion.Storage.Postgres;

/// <summary>
/// Commits by any replica on the database, through PostgreSQL <c>LISTEN/NOTIFY</c>: every insert
/// transaction sends a notice on the schema's channel, delivered when it commits. One connection is
/// held for listening; between notices it waits at most the poll interval, then signals anyway.
/// </summary>
public sealed class PostgresCommitFeed(PostgresDatabase database) : IArticleCommitFeed
{
    /// <summary>
    /// The channel as SQL: one per schema (schemas share a database's channels), hashed so that any
    /// schema name fits PostgreSQL's 63-byte limit on channel names.
    /// </summary>
    internal const string ChannelSql = "'summaries_articles_' || md5(current_schema())";

    public async Task ListenAsync(Action committed, TimeSpan poll, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        string channel;
        await using (var name = new NpgsqlCommand($"SELECT {ChannelSql}", connection))
        {
            channel = (string)(await name.ExecuteScalarAsync(cancellationToken))!;
        }

        connection.Notification += (_, _) => committed();
        await using (var listen = new NpgsqlCommand($"LISTEN \"{channel}\"", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        // Commits made before LISTEN took effect (since the caller last read) are read on this signal.
        committed();
        while (true)
        {
            if (!await connection.WaitAsync(poll, cancellationToken))
            {
                // The bounded poll: no notice for a while, so watchers look anyway.
                committed();
            }
        }
    }
}
