namespace Nastavnik.Data.Entities.Roadmaps;

/// <summary>A numbered section as written: «1.», «I этап», «3» — or a direction with its sub-directions.</summary>
public class RoadmapSection
{
    public long Id { get; set; }
    public long RoadmapId { get; set; }
    public int Position { get; set; }
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
}
