using ServicePro.Abstractions;
using ServicePro.Host.Messaging;

namespace ServicePro.Tests.Messaging;

/// <summary>The variables a template may use are part of the plugin contract; the host fills in exactly those.</summary>
public sealed class MessageVariablesTests
{
    [Fact]
    public void The_host_fills_in_exactly_the_variables_the_contract_names()
    {
        var values = MessageFacts.Example().Values();

        Assert.Equal(MessageVariables.All.Keys.Order(StringComparer.Ordinal), values.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(MessageVariables.All.Keys.Order(StringComparer.Ordinal), MessageFacts.Variables);
        Assert.All(values, v => Assert.NotNull(v.Value));
    }

    [Fact]
    public void Every_contract_variable_has_a_one_line_meaning_and_renders_in_a_template()
    {
        Assert.All(MessageVariables.All, v => Assert.False(string.IsNullOrWhiteSpace(v.Value) || v.Value.Contains('\n'), v.Key));
        Assert.All(MessageVariables.All.Keys, name => Assert.Null(MessageRenderer.Check($"{{{{ {name} }}}}")));
    }
}
