namespace Scanner.Layouts;

/// <summary>The verdict of <see cref="UserLayouts.Check"/> on a value offered as a user's layouts.</summary>
public enum LayoutsCheck
{
    Valid,
    /// <summary>More than <see cref="UserLayouts.MaxBytes"/> bytes.</summary>
    TooLarge,
    /// <summary>Not exactly one complete JSON object.</summary>
    NotAnObject,
}
