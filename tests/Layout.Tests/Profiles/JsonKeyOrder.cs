using System.Text.Json;

namespace LayoutExpert.Layout.Tests.Profiles;

/// <summary>Reads JSON token by token and checks every object's keys come in ordinal order.</summary>
internal static class JsonKeyOrder
{
    public static void AssertSorted(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 4096 });
        var previousKeys = new Stack<string?>();
        string? previous = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    previousKeys.Push(previous);
                    previous = null;
                    break;
                case JsonTokenType.EndObject:
                    previous = previousKeys.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var key = reader.GetString()!;
                    Assert.True(previous is null || string.CompareOrdinal(previous, key) < 0, $"'{previous}' comes before '{key}'");
                    previous = key;
                    break;
            }
        }
    }
}
