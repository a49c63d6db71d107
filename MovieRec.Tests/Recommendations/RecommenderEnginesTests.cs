namespace MovieRec.Tests.Recommendations;

/// <summary>One engine-name parser for the command line, the web API and the sanity report.</summary>
public sealed class RecommenderEnginesTests
{
    [Fact]
    public void Every_engine_round_trips_through_its_name_in_any_case()
    {
        Assert.Equal(["svd", "ml", "content", "hybrid"], RecommenderEngines.Names);
        foreach (var engine in Enum.GetValues<RecommenderEngine>())
        {
            var name = RecommenderEngines.NameOf(engine);
            Assert.Equal(engine, RecommenderEngines.Parse(name));
            Assert.Equal(engine, RecommenderEngines.Parse(" " + name.ToUpperInvariant()));
        }
    }

    [Theory]
    [InlineData("popular")]
    [InlineData("0")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused_with_the_names(string? name)
    {
        Assert.False(RecommenderEngines.TryParse(name, out _));
        if (name is null) return;
        var e = Assert.Throws<ArgumentException>(() => RecommenderEngines.Parse(name));
        Assert.Contains("svd, ml, content, hybrid", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_is_the_hybrid()
    {
        Assert.Equal(RecommenderEngine.Hybrid, RecommenderEngines.Default);
    }
}
