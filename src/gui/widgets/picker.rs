//! A picker for lists of hundreds or thousands of entries (phrase groups, meetings): a combo box
//! whose popup has a filter field (type to narrow), lays out only the rows in sight, and opens
//! scrolled to the current choice.

/// Height of one entry in the popup.
const ROW_H: f32 = 20.0;

/// Labels made a frame while the popup is open and not yet filtered.
const LABELS_PER_FRAME: usize = 1000;

/// What the popup remembers between frames while it is open: the entries' labels (made a
/// slice a frame from the moment it opens, the rest at once if a filter is typed first), the
/// filter typed and the entries it lets through.
#[derive(Clone, Debug, Default)]
struct PickerMemory {
    filter: String,
    labels: std::sync::Arc<Vec<String>>,
    /// The filter `shown` was computed for.
    computed: Option<String>,
    shown: std::sync::Arc<Vec<usize>>,
    /// The number of entries `shown` and `labels` were made for.
    shown_of: usize,
    /// Frames the popup has been open: it scrolls to the current choice in the first few (the
    /// first is only a sizing pass).
    frames: u8,
    /// The last frame the popup was drawn in: a gap means it was closed, and it starts afresh.
    last: u64,
}

/// Entry indices whose label contains `filter` (all of them for an empty filter).
pub fn filtered(labels: &[String], filter: &str) -> Vec<usize> {
    let filter = filter.trim();
    (0..labels.len())
        .filter(|&i| filter.is_empty() || labels[i].contains(filter))
        .collect()
}

/// Draws the picker over `count` entries, `label(i)` giving each one's text (asked only while
/// the popup is open, once); returns the entry chosen this frame.
#[allow(clippy::too_many_arguments)]
pub fn picker(
    ui: &mut egui::Ui,
    id_salt: &str,
    selected_text: impl Into<egui::WidgetText>,
    width: f32,
    count: usize,
    label: &dyn Fn(usize) -> String,
    current: Option<usize>,
    hint: &str,
) -> (egui::Response, Option<usize>) {
    let id = ui.make_persistent_id(id_salt).with("picker");
    let mut chosen = None;
    let response = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(selected_text)
        .width(width)
        .height(ROW_H * 16.0)
        .show_ui(ui, |ui| {
            let mut mem: PickerMemory = ui.data_mut(|d| d.remove_temp(id).unwrap_or_default());
            let now = ui.ctx().cumulative_frame_nr();
            if mem.last + 1 < now {
                mem = PickerMemory::default();
            }
            mem.last = now;
            if mem.computed.is_none() || mem.shown_of != count {
                mem.frames = 0;
                mem.labels = std::sync::Arc::new(Vec::new());
                mem.computed = None;
                mem.shown_of = count;
            }
            let edit = ui.add(
                egui::TextEdit::singleline(&mut mem.filter)
                    .hint_text(hint)
                    .desired_width(width - 16.0),
            );
            let fresh = mem.frames < 3;
            if fresh {
                edit.request_focus();
            }
            if mem.computed.as_ref() != Some(&mem.filter) {
                mem.shown = std::sync::Arc::new(if mem.filter.trim().is_empty() {
                    (0..count).collect()
                } else {
                    let labels = std::sync::Arc::make_mut(&mut mem.labels);
                    let from = labels.len();
                    labels.extend((from..count).map(label));
                    filtered(&mem.labels, &mem.filter)
                });
                mem.computed = Some(mem.filter.clone());
            }
            // While the list stands unfiltered, its labels are made a slice a frame, so the first
            // character typed finds them ready instead of making all at once.
            if mem.labels.len() < count {
                let labels = std::sync::Arc::make_mut(&mut mem.labels);
                let from = labels.len();
                labels.extend((from..count.min(from + LABELS_PER_FRAME)).map(label));
                ui.ctx().request_repaint();
            }
            let labels = std::sync::Arc::clone(&mem.labels);
            let mut area = egui::ScrollArea::vertical()
                .max_height(ROW_H * 14.0)
                .auto_shrink([false, true]);
            if fresh && let Some(at) = current.and_then(|c| mem.shown.iter().position(|&i| i == c))
            {
                // show_rows puts the item spacing between rows.
                let stride = ROW_H + ui.spacing().item_spacing.y;
                area = area.vertical_scroll_offset((at as f32 - 3.0).max(0.0) * stride);
            }
            mem.frames = mem.frames.saturating_add(1);
            area.show_rows(ui, ROW_H, mem.shown.len(), |ui, range| {
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                for &i in &mem.shown[range] {
                    let text = labels.get(i).cloned().unwrap_or_else(|| label(i));
                    if ui.selectable_label(current == Some(i), text).clicked() {
                        chosen = Some(i);
                        ui.close();
                    }
                }
            });
            ui.data_mut(|d| d.insert_temp(id, mem));
        })
        .response;
    (response, chosen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_keeps_entries_containing_it() {
        let labels: Vec<String> = ["外防输入、内防反弹", "两手抓、两手硬", "外防输入"]
            .iter()
            .map(|s| (*s).to_string())
            .collect();
        assert_eq!(filtered(&labels, ""), [0, 1, 2]);
        assert_eq!(filtered(&labels, " 外防 "), [0, 2]);
        assert!(filtered(&labels, "复工").is_empty());
    }
}
