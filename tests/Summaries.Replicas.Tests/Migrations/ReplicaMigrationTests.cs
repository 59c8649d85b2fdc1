using Npgsql;
using Summaries.Replicas.Tests.Infrastructure;
using Summaries.Testing.Replicas;

namespace Summaries.Replicas.Tests.Migrations;

/// <summary>
/// Schema changes with several replicas: started together they migrate once; during a rolling
/// upgrade an older build keeps serving on a schema a newer one has expanded, and refuses (without
/// touching it) one a newer build has contracted.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class ReplicaMigrationTests(ReplicaFixture fixture)
{
    public static TheoryData<string, string> Histories => new()
    {
        { "ingestion", "schema_migrations" },
        { "entity", "entity_schema_migrations" },
        { "summary", "summary_schema_migrations" },
    };

    [SkippableTheory]
    [MemberData(nameof(Histories))]
    public async Task Start_AllReplicasTogether_EachStepRecordedOnce(string service, string history)
    {
        var schema = SchemaOf(fixture.System, service);

        var rows = await ScalarAsync<long>(schema, $"SELECT count(*) FROM {history}");
        var versions = await ScalarAsync<long>(schema, $"SELECT count(DISTINCT version) FROM {history}");
        var newest = await ScalarAsync<int>(schema, $"SELECT max(version) FROM {history}");

        Assert.True(rows > 0);
        Assert.Equal(rows, versions);
        Assert.Equal(newest, (int)rows);
    }

    [SkippableFact]
    public async Task Start_OlderBuildBesideANewerExpandedSchema_Serves()
    {
        var system = fixture.System;
        var schema = system.SummarySchema;
        var next = await ScalarAsync<int>(schema, "SELECT max(version) FROM summary_schema_migrations") + 1;
        await ExecuteAsync(schema, $"""
            ALTER TABLE briefing_cache ADD COLUMN replica_test_note text NULL;
            INSERT INTO summary_schema_migrations (version, description) VALUES ({next}, 'a newer build''s added column');
            """);
        try
        {
            await using var older = ServiceProcessFor(system);
            await older.WaitHealthyAsync(ReplicaSystem.SummaryServiceName, TimeSpan.FromSeconds(90));

            Assert.Contains(older.Output, line => line.Contains("newer than this build", StringComparison.Ordinal));
        }
        finally
        {
            await ExecuteAsync(schema, $"""
                DELETE FROM summary_schema_migrations WHERE version = {next};
                ALTER TABLE briefing_cache DROP COLUMN replica_test_note;
                """);
        }
    }

    [SkippableFact]
    public async Task Start_OlderBuildBesideAContractedSchema_ExitsWithTheReasonAndChangesNothing()
    {
        var system = fixture.System;
        var schema = system.SummarySchema;
        var next = await ScalarAsync<int>(schema, "SELECT max(version) FROM summary_schema_migrations") + 1;
        await ExecuteAsync(schema, $"INSERT INTO summary_schema_migrations (version, description, contracts) VALUES ({next}, 'a newer build dropped a column', true)");
        try
        {
            await using var older = ServiceProcessFor(system);
            var exit = await older.WaitForExitAsync(TimeSpan.FromSeconds(90));

            Assert.NotEqual(0, exit);
            Assert.Contains(older.Output, line => line.Contains($"step {next} removed what this build reads", StringComparison.Ordinal));
            Assert.Equal(next, await ScalarAsync<int>(schema, "SELECT max(version) FROM summary_schema_migrations"));
        }
        finally
        {
            await ExecuteAsync(schema, $"DELETE FROM summary_schema_migrations WHERE version = {next}");
        }
    }

    private static ServiceProcess ServiceProcessFor(ReplicaSystem system) => ServiceProcess.Start("Summaries.Summary", FreePort.Next(), new Dictionary<string, string>
    {
        ["ConnectionStrings__Summary"] = system.SummarySchema.ConnectionString,
        ["Clients__IngestionAddress"] = $"http://127.0.0.1:{system.IngestionPorts[0]}",
        ["Clients__EntityAddress"] = $"http://127.0.0.1:{system.EntityPorts[0]}",
        ["Llm__Provider"] = "None",
    });

    private static PostgresTestSchema SchemaOf(ReplicaSystem system, string service) => service switch
    {
        "ingestion" => system.IngestionSchema,
        "entity" => system.EntitySchema,
        _ => system.SummarySchema,
    };

    private static async Task<T> ScalarAsync<T>(PostgresTestSchema schema, string sql)
    {
        await using var connection = new NpgsqlConnection(schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(PostgresTestSchema schema, string sql)
    {
        await using var connection = new NpgsqlConnection(schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
