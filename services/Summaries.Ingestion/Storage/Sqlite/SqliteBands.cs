using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>Writes an original's MinHash band keys, the index near-duplicate candidates are found by.</summary>
internal static class SqliteBands
{
    public static async Task InsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, long seq, IReadOnlyList<long> bandKeys, CancellationToken cancellationToken)
    {
        if (bandKeys.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT OR IGNORE INTO article_bands (band_key, seq) VALUES ");
        for (var i = 0; i < bandKeys.Count; i++)
        {
            var name = "$k" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? string.Empty : ", ").Append('(').Append(name).Append(", $seq)");
            command.Parameters.AddWithValue(name, bandKeys[i]);
        }

        command.Parameters.AddWithValue("$seq", seq);
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
