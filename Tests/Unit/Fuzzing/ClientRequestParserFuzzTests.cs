using System.Diagnostics;
using System.Text;
using Scanner.Gateway.Protocol;
using Xunit.Abstractions;

namespace Scanner.Tests.Unit.Fuzzing;

/// <summary>
/// The gateway's client message parser against mutations of every kind of client message (<see cref="JsonMutator"/>;
/// case count and seed in <see cref="FuzzRun"/>): it never throws, and each message becomes either a request that
/// carries what its action needs or <see cref="ClientAction.Invalid"/>, which the session answers with
/// <c>{"status":"invalid action"}</c>.
/// </summary>
public class ClientRequestParserFuzzTests(ITestOutputHelper output)
{
    private static readonly byte[][] Messages =
    [
        .. new[]
        {
            """{"action":"auth","api_key":"k1"}""",
            """{"action":"subscribe","feed":"scanners:top_gainers"}""",
            """{"action":"subscribe","feed":"quote:*"}""",
            """{"feed":"quote:AAPL","action":"unsubscribe"}""",
            """{"action":"get","cache":"scanners:top_volume","limit":5}""",
            """{"action":"get","cache":"alerts:halts","limit":null}""",
            """{"action":"get_layouts"}""",
            """{"action":"save_layouts","layouts":{"version":1,"current":"Default","layouts":{"Default":{"widgets":[{"id":"w1","type":"ranking","feed":"scanners:top_gainers","filters":{"price":{"min":2,"max":20}},"columns":["symbol","pct_change"],"x":0,"y":0,"w":6,"h":8}]}}}}""",
            """{"action":"subscribe","feed":"scanners:top_volume","extra":{"nested":[1,2,{"x":null}]}}""",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    [Fact]
    public void Mutated_client_messages_never_throw_and_each_gets_a_request_or_an_error()
    {
        var run = FuzzRun.Start(output, "client request parser fuzz");
        var mutator = new JsonMutator(Messages, run.Seed);
        var applied = new int[JsonMutator.Kinds.Length];
        var actions = new Dictionary<ClientAction, int>();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < run.Cases; i++)
        {
            var message = mutator.Next(applied);
            ClientRequest request;
            try
            {
                request = ClientRequestParser.Parse(message);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"case {i} ({run}) threw {ex}\ninput (base64): {Convert.ToBase64String(message)}");
            }
            Assert.True(IsComplete(request), $"case {i} ({run}): {request} lacks its argument\ninput (base64): {Convert.ToBase64String(message)}");
            actions[request.Action] = actions.GetValueOrDefault(request.Action) + 1;
        }

        output.WriteLine($"{run.Cases:N0} messages in {clock.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", actions.Select(a => $"{a.Key} {a.Value:N0}"))}");
        output.WriteLine($"mutations: {string.Join(", ", JsonMutator.Kinds.Select((k, i) => $"{k} {applied[i]:N0}"))}");
        // Both answers occur: mutations keep some messages valid and break others.
        Assert.True(actions.GetValueOrDefault(ClientAction.Invalid) > 0 && actions.Keys.Count(a => a != ClientAction.Invalid) >= 5, "mutations never reached both answers");
    }

    /// <summary>An invalid request (answered with an error) or one with what its action needs.</summary>
    private static bool IsComplete(ClientRequest request) => request.Action switch
    {
        ClientAction.Invalid => request == ClientRequest.Invalid,
        ClientAction.Auth or ClientAction.Subscribe or ClientAction.Unsubscribe => request.Argument is not null,
        ClientAction.Get => request.Argument is not null && request.Limit is null or >= 0,
        ClientAction.GetLayouts => true,
        ClientAction.SaveLayouts => request.Layouts is { Length: > 0 },
        _ => false,
    };
}
