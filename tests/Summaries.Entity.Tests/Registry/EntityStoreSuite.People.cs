using Summaries.Entity.Registry;
using Summaries.Language;

namespace Summaries.Entity.Tests.Registry;

/// <summary>One person, one entity across articles, in every store: short names, both orders, shared surnames.</summary>
public abstract partial class EntityStoreSuite
{
    private static readonly EntityInfo[] Event = [Entity("Boeing", EntityKind.Organization, 2), Entity("Pentagon", EntityKind.Organization, 1)];

    [SkippableFact]
    public async Task RegisterAsync_SurnameAfterFullNameWithRoleInCommon_JoinsThePerson()
    {
        await RegisterAsync("articles/a1", Person("Ken Boehm", 4, ["Boehm"], ["chairman of the National Legal and Policy Center"]));

        var names = await RegisterAsync("articles/a2", Person("Boehm", 2, roles: ["chairman"]));

        Assert.Equal("entities/person-ken-boehm", names["Boehm"]);
        var boehm = await GetAsync("entities/person-ken-boehm");
        Assert.Equal(6, boehm.MentionCount);
        Assert.Equal(["articles/a1", "articles/a2"], boehm.ArticleNames);
        Assert.Null(await Store.GetAsync("entities/person-boehm", CancellationToken.None));
    }

    [SkippableFact]
    public async Task RegisterAsync_SurnameWithoutEvidence_StaysItsOwnEntity()
    {
        await RegisterAsync("articles/a1", Person("Ken Boehm", 4, ["Boehm"], ["chairman"]));

        var names = await RegisterAsync("articles/a2", Person("Boehm", 2, roles: ["goalkeeper"]), Entity("Arsenal", EntityKind.Organization, 1));

        Assert.Equal("entities/person-boehm", names["Boehm"]);
        Assert.Equal(4, (await GetAsync("entities/person-ken-boehm")).MentionCount);
    }

    [SkippableFact]
    public async Task RegisterAsync_FullNameAfterSurnameOfTheSameEvent_AdoptsItOldNameAnswers()
    {
        await RegisterAsync("articles/a1", [Person("Boehm", 2), .. Event]);

        var names = await RegisterAsync("articles/a2", [Person("Ken Boehm", 3, ["Boehm"]), .. Event]);

        Assert.Equal("entities/person-ken-boehm", names["Ken Boehm"]);
        var merged = await GetAsync("entities/person-boehm");
        Assert.Equal("entities/person-ken-boehm", merged.Name);
        Assert.Equal(5, merged.MentionCount);
        Assert.Equal(["articles/a1", "articles/a2"], merged.ArticleNames);
        var (people, _) = await Store.ListAsync(new EntityFilter(EntityKind.Person, null), 10, 0, CancellationToken.None);
        Assert.Equal(["entities/person-ken-boehm"], people.Select(p => p.Name));

        // The first article again: its "Boehm" is the merged name, which answers with the person; counts replaced.
        var again = await RegisterAsync("articles/a1", [Person("Boehm", 1), .. Event]);
        Assert.Equal("entities/person-ken-boehm", again["Boehm"]);
        Assert.Equal(4, (await GetAsync("entities/person-ken-boehm")).MentionCount);
    }

    [SkippableFact]
    public async Task RegisterAsync_TwoPeopleShareASurname_BareSurnameJoinsNeitherInEitherOrder()
    {
        await RegisterAsync("articles/early", [Person("Bush", 1, roles: ["governor"]), .. Event]);
        await RegisterAsync("articles/both", [Person("George Bush", 2, ["Bush"], ["governor"]), Person("Jeb Bush", 2, ["Bush"], ["governor"]), .. Event]);

        var names = await RegisterAsync("articles/late", [Person("Bush", 1, roles: ["governor"]), .. Event]);

        Assert.Equal("entities/person-bush", names["Bush"]);
        Assert.Equal(2, (await GetAsync("entities/person-bush")).MentionCount);
        Assert.Equal(2, (await GetAsync("entities/person-george-bush")).MentionCount);
        Assert.Equal(2, (await GetAsync("entities/person-jeb-bush")).MentionCount);
    }

    [SkippableFact]
    public async Task RegisterAsync_FirstAndLastNameBothOrders_OnePerson()
    {
        await RegisterAsync("articles/a1", Person("Ole Mjoes", 1, roles: ["chairman"]));
        await RegisterAsync("articles/a2", Person("Ole Danbolt Mjoes", 1, roles: ["chairman of the Norwegian Nobel Committee"]));
        var names = await RegisterAsync("articles/a3", Person("Ole Mjoes", 1, roles: ["chairman"]));

        Assert.Equal("entities/person-ole-danbolt-mjoes", names["Ole Mjoes"]);
        var mjoes = await GetAsync("entities/person-ole-mjoes");
        Assert.Equal("entities/person-ole-danbolt-mjoes", mjoes.Name);
        Assert.Equal(["articles/a1", "articles/a2", "articles/a3"], mjoes.ArticleNames);
    }

    [SkippableFact]
    public async Task RegisterAsync_SurnameAndFullNameConcurrently_OnePersonNothingLost()
    {
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => i % 2 == 0
            ? RegisterAsync($"articles/s{i:D2}", [Person("Boehm", 1, roles: ["chairman"]), .. Event])
            : RegisterAsync($"articles/f{i:D2}", [Person("Ken Boehm", 1, ["Boehm"], ["chairman"]), .. Event])));

        var boehm = await GetAsync("entities/person-ken-boehm");
        Assert.Equal(12, boehm.MentionCount);
        Assert.Equal(12, boehm.ArticleNames.Count);
        var (people, _) = await Store.ListAsync(new EntityFilter(EntityKind.Person, null), 10, 0, CancellationToken.None);
        Assert.Single(people);
    }
}
