// The teacher's assignment form, as the specs fill it.

/** Ticks the section `sectionId` of `reading` in the form's section list and unticks every other
 *  one (each box is labelled "<heading> (<n> questions)"). */
export async function chooseOnlySection(page, reading, sectionId) {
  for (const s of reading.sections) {
    const heading = s.heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const box = page.getByLabel(new RegExp(`^${heading} \\(\\d+ questions\\)$`));
    if (s.id === sectionId) await box.check();
    else await box.uncheck();
  }
}
