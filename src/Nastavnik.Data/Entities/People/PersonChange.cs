namespace Nastavnik.Data.Entities.People;

/// <summary>One field of a person's card changed: the card's history (values stay in the organization's scope).</summary>
public class PersonChange
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public DateTimeOffset At { get; set; }
    public long? UserId { get; set; }
    public string Field { get; set; } = "";
    public string OldValue { get; set; } = "";
    public string NewValue { get; set; } = "";
}
