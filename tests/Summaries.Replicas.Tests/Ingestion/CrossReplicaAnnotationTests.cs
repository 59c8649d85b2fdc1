using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Replicas.Tests.Infrastructure;
using Summaries.Testing.Replicas;

namespace Summaries.Replicas.Tests.Ingestion;

/// <summary>Every ingestion replica's worker reads the one outbox; each article is annotated by one of them, once.</summary>
[Collection(ReplicaCollection.Name)]
public sealed class CrossReplicaAnnotationTests(ReplicaFixture fixture)
{
    [SkippableFact]
    public async Task Annotation_ArticlesCreatedOnBothReplicas_EachAnnotatedOnceAcrossReplicas()
    {
        var system = fixture.System;
        var run = Guid.NewGuid().ToString("N")[..8];
        var names = new List<string>();
        for (var replica = 0; replica < system.Replicas; replica++)
        {
            using var call = system.IngestionAt(replica).StreamCreateArticles();
            for (var n = replica * 40; n < (replica + 1) * 40; n++)
            {
                await call.RequestStream.WriteAsync(new StreamCreateArticlesRequest { Article = TestArticles.Make(run, n), RequestId = $"{run}-{n}" });
            }

            await call.RequestStream.CompleteAsync();
            await foreach (var ack in call.ResponseStream.ReadAllAsync())
            {
                Assert.Null(ack.Status);
                names.Add(ack.ArticleName);
            }
        }

        foreach (var name in names)
        {
            await system.AnnotatedAsync(name);
        }

        var output = system.Ingestion.SelectMany(p => p!.Output).ToList();
        foreach (var name in names)
        {
            var annotations = output.Count(line => line.Contains($"\"Annotated {name}\"", StringComparison.Ordinal));
            Assert.True(annotations == 1, $"{name} was annotated {annotations} times across the replicas.");
        }
    }
}
