"""Geometry of the inline SVG bar charts that statistics pages draw beside their tables
(population by village, tickets per hour): the template draws, this module measures."""


def bar_chart(
    rows,
    *,
    label,
    value,
    label_width=56,
    value_width=56,
    bar_space=360,
    bar_height=16,
    gap=6,
    text_offset=3,
):
    """One horizontal bar per row (a dict; `label` and `value` name its keys), the longest
    bar to scale, each figure written at the end of its bar."""
    largest = max((r[value] for r in rows), default=0) or 1
    bars = []
    for index, row in enumerate(rows):
        y = index * (bar_height + gap)
        width = round(bar_space * row[value] / largest, 1)
        bars.append(
            {
                "label": row[label],
                "value": row[value],
                "y": y,
                "text_y": y + bar_height - text_offset,
                "width": width,
                "value_x": label_width + width + 6,
            }
        )
    return {
        "bars": bars,
        "label_width": label_width,
        "label_x": label_width - 8,
        "bar_height": bar_height,
        "width": label_width + bar_space + value_width,
        "height": max(len(rows) * (bar_height + gap), bar_height),
    }
