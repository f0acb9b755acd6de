namespace Backend.Domain;

public static class Text
{
    /// <summary>Present (not blank) and at most <paramref name="maxLength"/> characters: every required string has a ceiling.</summary>
    public static bool IsBounded(string? value, int maxLength) => !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength;
}
