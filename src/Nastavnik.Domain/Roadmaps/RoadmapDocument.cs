namespace Nastavnik.Domain.Roadmaps;

/// <summary>
/// A roadmap as recognised in an uploaded document, before it is saved: what the import preview shows and what the
/// importer stores after the user's edits. Texts are kept as written; deadlines are interpreted later by
/// <see cref="DeadlineParser"/> against the roadmap's period.
/// </summary>
/// <param name="ResponsibleByLevel">The table has separate regional / municipal / organization responsible columns.</param>
/// <param name="StartEndColumns">The table has separate «Дата начала / Дата окончания» columns.</param>
/// <param name="Warnings">What the reader was unsure of, in Russian, for the preview.</param>
public sealed record RoadmapDocument(
    string Title,
    RoadmapBasis Basis,
    Period? Period,
    IReadOnlyList<RoadmapDocumentSection> Sections,
    IReadOnlyList<RoadmapDocumentItem> Items,
    bool ResponsibleByLevel,
    bool StartEndColumns,
    IReadOnlyList<string> Warnings)
{
    /// <summary>No roadmap table was recognised: there is nothing to import.</summary>
    public bool IsEmpty => Items.Count == 0;
}

/// <summary>«Приложение к приказу Управления образования г. Азова от 15.09.2020 № 423»: the text, the order's number and date.</summary>
public sealed record RoadmapBasis(string Text, string OrderNumber, DateOnly? OrderDate)
{
    public static readonly RoadmapBasis None = new("", "", null);
}

/// <summary>
/// A heading row: «1.», «I этап», «VII.», or a sub-direction «1.1.» (<see cref="Level"/> 2). Sections are kept as a
/// flat list in document order; the level says how deep a heading sits.
/// </summary>
public sealed record RoadmapDocumentSection(int Position, string Number, string Title, int Level);

/// <summary>One numbered row of the plan.</summary>
/// <param name="SectionPosition">The <see cref="RoadmapDocumentSection.Position"/> of the heading the item sits under, if any.</param>
/// <param name="SectionNumber">That heading's number, for display.</param>
/// <param name="Number">As written, without inner spaces: «1.1.», «5.1.2», «14.»; empty for an unnumbered row.</param>
/// <param name="DeadlineText">The deadline as written (cell line breaks joined); for start/end columns «начало – окончание».</param>
/// <param name="StartText">The «Дата начала» cell, when the table has one.</param>
/// <param name="EndText">The «Дата окончания» cell, when the table has one.</param>
/// <param name="Responsible">All responsible parties as one text.</param>
/// <param name="ResponsibleRegional">Regional column; null when absent or «-».</param>
/// <param name="Stage">The programme stage 1–7 (DOMAIN.md §4) the item belongs to, when its heading or title names one.</param>
public sealed record RoadmapDocumentItem(
    int Position,
    int? SectionPosition,
    string? SectionNumber,
    string Number,
    string Title,
    string DeadlineText,
    string StartText,
    string EndText,
    string Responsible,
    string? ResponsibleRegional,
    string? ResponsibleMunicipal,
    string? ResponsibleOrganization,
    string Result,
    int? Stage);
