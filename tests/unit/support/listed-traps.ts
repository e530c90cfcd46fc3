/**
 * Sentences where a word that can be read from the words listed with it means something else: the
 * traps the blind readers' brief gave for the short-form and summary-stage rules (glossary/matcher.ts),
 * shared by the tests of a small matcher and of the shipped glossary.
 */

/** "CT" as Connecticut, "PE" as physical education, "P/E" as a ratio: no short form is read. */
export const SHORT_FORM_TRAPS = [
  'We have offices in CT, NY and NJ.',
  'PE and music lessons are on Friday.',
  'Our PE teacher retired.',
  'The P/E ratio is high.',
  'CT and MA residents can apply.',
  'Classes include art, music or PE.',
  'Press CTRL, ALT and DEL to restart.',
  'Use ALT and TAB to switch windows.',
] as const;

/** "localized", "regional", "distant" naming other things: no summary stage is read. */
export const SUMMARY_STAGE_TRAPS = [
  'We have regional and distant offices.',
  'She is a distant relative.',
  'He went to the regional hospital.',
  'She had localized pain.',
  'We cover localized and regional news.',
  'They like distant and regional travel.',
  'We cover local, regional and national news.',
] as const;

/** "flu shot up" (rose), "man flu", "chimney flu" (a misspelt flue): no vaccine and no influenza card. */
export const OTHER_SENSE_TRAPS = [
  'Cases of flu shot up this winter.',
  'Pneumonia shot up in the elderly last year.',
  'He had man flu all weekend.',
  'He was off work with man-flu again.',
  'The chimney flu was blocked with soot.',
  'Have the boiler flu checked every year.',
] as const;

/** A bracket that holds more than a term's own words: "vein (IV)" is not read in "a vein (IV site)". */
export const BRACKET_TRAPS = [
  'Redness where the needle goes into a vein (IV site) or where surgery was done.',
  'It is given intravenous (IV, or into the vein) or by mouth.',
] as const;

/**
 * Names with a full stop between words (sites, file names, e-mail, "e.g."), which stay names
 * though prose may now miss its space after a stop ("vagina.The cancer"): [text, the word in a name].
 */
export const NAME_TRAPS = [
  ['Search ClinicalTrials.gov for studies.', 'ClinicalTrials'],
  ['See cancer.gov for more.', 'cancer'],
  ['Read Cancer.Net today.', 'Cancer'],
  ['Open the chemotherapy.PDF file.', 'chemotherapy'],
  ['Open chemotherapy.Docx now.', 'chemotherapy'],
  ['See www.cancer.Gov/Types now.', 'cancer'],
  ['Mail nurse@chemo.Care today.', 'chemo'],
  ['Open https://example.org/chemotherapy.Html now.', 'chemotherapy'],
] as const;

/**
 * Hyphenated words that read as they did before a hyphenated word was glued with its second piece's
 * British spelling ("angio-oedema" as "angioedema"): [text, "text→id" of what is found].
 */
export const HYPHEN_TRAPS = [
  ['non-small-cell lung cancer', ['non-small-cell lung cancer→non-small-cell-lung-cancer']],
  ['Her T-cell count fell.', ['T-cell→t-cells']],
  ['post-oedema care', ['oedema→edema']],
  ['anti-PD-1 drugs', ['anti-PD-1→pd-1-inhibitor']],
] as const;

/**
 * Cells a card explains for the cervix, named on a page about another organ: "columnar cells" line the
 * thyroid and the breast ducts too, so the glandular-cells card ("In the cervix, …") is not shown.
 */
export const OTHER_ORGAN_TRAPS = [
  'Papillary thyroid carcinoma including histological variants of papillary thyroid carcinoma (PTC) such as follicular variant, tall cell, columnar cell, cribriform-morular, solid, oxyphil.',
  'Columnar cell lesions of the breast are common and mostly harmless.',
  'The stomach lining is made of columnar cells.',
] as const;

/** A Roman numeral after a word it numbers is a number, not "IV" (intravenous): no IV card. */
export const NUMERAL_TRAPS = [
  'It is a Level IV site for trauma care.',
  'The plan is in Appendix IV site drawings.',
  'The level IV site is closed.',
  'Class IV fluids are stored apart.',
  // Lead review, session 20: research and place labels, and a hyphen after a label.
  'Mitochondrial complex IV site of inhibition is well known.',
  'The voltage sensor in domain IV site 4 moves last.',
  'EPA Region IV site list.',
  'We sampled trench IV site B.',
  'A Level-IV site is a trauma centre.',
  // Session 25: the numeral written with dots, since round 39's intravenous alias "I.V.".
  'See Chapter I.V. for the rules.',
  'The life of Henry I.V. is told here.',
  'Read part I.V. first.',
  // Last review, session 25: "IV" ending a range or list of numerals, since "IV chemotherapy" became an alias.
  'Grade III–IV chemotherapy toxicity was rare.',
  'Grade III/IV chemotherapy-related events were counted.',
  'Patients with FIGO stage III–IV chemotherapy-naive disease took part.',
  'Stage III or IV chemotherapy trials enrolled 300 women.',
  'Stages I, II, III and IV chemotherapy results differ.',
  'FIGO IV chemotherapy outcomes were poor.',
  'J.I.V. Smith wrote the preface.',
] as const;

/** Session 25: dotted "I.V." where it is the route a drug is given by: [sentence, marked text, card]. */
export const DOTTED_IV_READ = [
  ['Patients were given I.V. fluids.', 'I.V. fluids', 'iv-fluids'],
  ['I.V. antibiotics were started.', 'I.V', 'intravenous'],
  ['She had an I.V. line in her arm.', 'I.V', 'intravenous'],
  ['Given by I.V. at the clinic.', 'I.V', 'intravenous'],
] as const;

/** A place or an arm in small letters before a real IV: the IV term keeps its card (lead review, session 20). */
export const WARD_IV_READ = [
  ['In the room IV access was lost.', 'IV access'],
  ['The ward IV pump beeped.', 'IV pump'],
  ['She had oral or IV antibiotics.', 'IV'],
  ['After cycle 2 and IV fluids she felt better.', 'IV fluids'],
] as const;

/** "stopped responding to" something that is no treatment: no drug-resistance card. */
export const RESPONDING_TRAPS = [
  'The app stopped responding to clicks.',
  'He stopped responding to emails last week.',
  'She stops responding to the nurse when she is tired.',
  // Lead review, session 20: a therapy word past a preposition, a therapy that is no drug, a medicine for a symptom, settings.
  'She stopped responding to texts about her treatment.',
  'He stopped responding to physical therapy exercises.',
  'The patient stopped responding to oxygen therapy and was moved to the ICU.',
  'Near the end, she stopped responding to pain medicine and needed more.',
  'The app stopped responding to my settings changes.',
] as const;

/**
 * Session 21: words the glossary read in a sense the text does not have, each with the card it must
 * not show: [sentence, id]. WHO's leprosy treatment "MDT" (multidrug therapy), cells that line
 * something, a pathologist's "organoid pattern", herpes gestationis (no virus), interpreters, cells
 * in a lab dish, a blood film.
 */
export const WRONG_SENSE_TRAPS = [
  // Session 23: bare counselor/counsellor was added to the talk-therapy card three times (rounds 18, 28, 37)
  // and removed each time: it names school, lactation, Medicare and peer counselors too. "Endone" (an
  // Australian oxycodone brand) matched "end one" (rounds 36, 37).
  ['She talked to the school counselor about her grades.', 'counseling'],
  ['A lactation counsellor visited the new mother.', 'counseling'],
  ['Ask a Medicare counselor to compare the plans.', 'counseling'],
  ['I want this post to end one day.', 'oxycodone'],
  ['WHO recommends MDT for all leprosy patients.', 'multidisciplinary-team'],
  ['MDT has cured 16 million people over the past 20 years.', 'multidisciplinary-team'],
  ['Leprosy is curable with multidrug therapy (MDT).', 'multidisciplinary-team'],
  ['Patients treated with MDT for multibacillary leprosy need 12 months.', 'multidisciplinary-team'],
  ['Leprosy is curable. The MDT is given free of charge by WHO.', 'multidisciplinary-team'],
  ['Since 1995 WHO has provided MDT free of charge.', 'multidisciplinary-team'],
  ['The MDT regimen lasts six months.', 'multidisciplinary-team'],
  ['WHO supplies MDTs free of charge.', 'multidisciplinary-team'],
  ['Under the microscope, the cancer cells line up in rows.', 'cell-line'],
  ['The cells line the duct and the glands.', 'cell-line'],
  ['Tumor cells line the blood vessels.', 'cell-line'],
  ['Human cells line the gut.', 'cell-line'],
  ['The tumour showed an organoid pattern with nests of cells.', 'organoid'],
  ['An organoid architecture was seen on biopsy.', 'organoid'],
  ['Carcinoid tumours have an organoid growth pattern.', 'organoid'],
  ['The tumor shows organoid features and nests.', 'organoid'],
  ['Herpes gestationis is a rare skin disease of pregnancy.', 'herpesvirus'],
  ['Pemphigoid gestationis was formerly called herpes gestationis.', 'herpesvirus'],
  ['We offer clinical translation services for patients who speak other languages.', 'translational-research'],
  ['Ask about our clinical translation service for Spanish speakers.', 'translational-research'],
  ['We measured the relative survival of HeLa cells after radiation.', 'relative-survival-rate'],
  ['The relative survival of tumour cells fell after treatment.', 'relative-survival-rate'],
  ['Overall survival of irradiated cancer cells was measured.', 'overall-survival'],
  ['An abnormal smear of the peripheral blood was found.', 'abnormal-pap-test'],
  ['An abnormal smear of bone marrow can show leukemia.', 'abnormal-pap-test'],
  ['An abnormal blood smear can show leukemia cells.', 'abnormal-pap-test'],
] as const;

/** Session 21: the same words in the sense the glossary explains, which keep their card: [sentence, marked text, id]. */
export const RIGHT_SENSE_KEEPERS = [
  ['Your MDT will discuss your scans and results.', 'MDT', 'multidisciplinary-team'],
  ['Your case will be discussed at MDT next week.', 'MDT', 'multidisciplinary-team'],
  ['Your cancer will be reviewed by the MDT.', 'MDT', 'multidisciplinary-team'],
  ['MDT members include a surgeon and a radiologist.', 'MDT', 'multidisciplinary-team'],
  ['A multidisciplinary team (MDT) plans your care.', 'MDT', 'multidisciplinary-team'],
  ['The MDT meeting is held every Tuesday.', 'MDT meeting', 'tumor-board'],
  ['Cancer MDTs meet weekly.', 'MDTs', 'multidisciplinary-team'],
  ['Local MDTs review every case.', 'MDTs', 'multidisciplinary-team'],
  ['Under the microscope, the cancer cells line up in rows.', 'cancer cells', 'cancer-cell'],
  ['Many cancer cell lines were tested.', 'cancer cell lines', 'cell-line'],
  ['HeLa is a cancer cell line from a cervical tumour.', 'cancer cell line', 'cell-line'],
  ['Researchers used a human cell line.', 'human cell line', 'cell-line'],
  ['Researchers grew an organoid from the patient\'s tumour.', 'organoid', 'organoid'],
  ['Organoid models of cervical cancer were grown.', 'Organoid', 'organoid'],
  ['Patient-derived organoids help test drugs.', 'Patient-derived organoids', 'organoid'],
  ['Genital herpes is caused by a virus.', 'Genital herpes', 'herpes-simplex'],
  ['The goal is clinical translation of lab results.', 'clinical translation', 'translational-research'],
  ['Clinical translation of the discovery took ten years.', 'Clinical translation', 'translational-research'],
  ['The relative survival of patients with stage 4 cancer is low.', 'relative survival', 'relative-survival-rate'],
  ['Relative survival of women with cervical cancer was 67%.', 'Relative survival', 'relative-survival-rate'],
  ['The overall survival of patients with squamous cell carcinoma improved.', 'overall survival', 'overall-survival'],
  ['She had an abnormal smear and needs a colposcopy.', 'abnormal smear', 'abnormal-pap-test'],
  ['An abnormal smear means cell changes were found on your cervix.', 'abnormal smear', 'abnormal-pap-test'],
  ['An abnormal smear of cells from the cervix needs follow-up.', 'abnormal smear', 'abnormal-pap-test'],
] as const;

/**
 * Session 22: "a delayed response to treatment", "a late response": most often a late effect of the
 * treatment on the body, and a tumor's late shrinking only where the page says so: no response card.
 */
export const DELAYED_RESPONSE_TRAPS = [
  'Some patients have a delayed response to treatment, such as heart problems years later.',
  'Heart damage can be a delayed response to treatment.',
  'Bowel changes may be a late response to treatment with radiation.',
  'A delayed-response to therapy can come years later.',
] as const;

/**
 * Session 22: "refractory" and "treatment resistance" said of another illness than cancer, where the
 * cancer-only treatment-resistance card explains the wrong one.
 */
export const OTHER_ILLNESS_TRAPS = [
  'Refractory epilepsy needs other drugs.',
  'She has refractory epilepsy and sees a neurologist.',
  'His depression was refractory to three antidepressants.',
  'Treatment resistance in depression is common.',
  'Treatment resistance is common in schizophrenia.',
  'The seizures became refractory despite two drugs.',
  'Refractory epilepsy in people with brain tumors is hard to treat.',
] as const;

/**
 * Session 23: "refractory" said of a symptom or a complication on a cancer page (a cancer is named in
 * each), where the cancer-only treatment-resistance card explains the wrong thing: no card there.
 */
export const REFRACTORY_SYMPTOM_TRAPS = [
  'People with advanced cervical cancer may have refractory pain.',
  'Some have cancer pain that is refractory to opioids.',
  'The pain remained refractory despite morphine, so the tumor was treated with radiation.',
  'Her pain was refractory to opioids after chemotherapy.',
  'Opioid-refractory pain is common in advanced cancer.',
  'Refractory ascites may need a drain in ovarian cancer.',
  'Refractory malignant ascites is a sign of advanced cancer.',
  'Refractory anemia is seen in some cancers.',
  'Refractory hypercalcemia of malignancy is treated with denosumab.',
  'Steroid-refractory colitis after cancer immunotherapy needs infliximab.',
  'Palliative sedation is for refractory symptoms at the end of life with cancer.',
  'The refractory period of the heart is not changed by the cancer drug.',
] as const;

/** Session 22: the same words said of a cancer, which keep the cancer card: [sentence, marked text, id]. */
export const CANCER_RESISTANCE_KEEPERS = [
  ['Some cancers can become refractory to platinum.', 'refractory', 'treatment-resistance'],
  ['Treatment resistance is a major problem in cancer care.', 'Treatment resistance', 'treatment-resistance'],
  ['Depression is common in people whose cancer is refractory.', 'refractory', 'treatment-resistance'],
  ['The lymphoma was refractory to chemotherapy.', 'refractory to chemotherapy', 'treatment-resistance'],
  // Session 23: a symptom named in the sentence, but not as what "refractory" is said of.
  ['The cancer became refractory to platinum, and her pain got worse.', 'refractory', 'treatment-resistance'],
  ['Pain is common when the cancer is refractory.', 'refractory', 'treatment-resistance'],
] as const;

/**
 * Session 24: "anti-" before cancer cells, the opposite of the cancer-cell card: "anti-cancer cells",
 * "anti-tumour cells" are immune cells that attack the cancer (as "non-cancer cells" are not cancer
 * cells), and "anti-tumor cell proliferation" is against the tumor cells' growth, no tumor-reactive
 * T cell. Each with the card it must not show: [sentence, id].
 */
export const ANTI_CELL_TRAPS = [
  ['The vaccine trains anti-cancer cells to find the tumor.', 'cancer-cell'],
  ['Anti-cancer cells in the blood were counted.', 'cancer-cell'],
  ['The drug boosts anti cancer cells in the tumor.', 'cancer-cell'],
  ['Anticancer cells attack the tumor.', 'cancer-cell'],
  ['Some anti-tumor cells were found in the biopsy.', 'cancer-cell'],
  ['The extract showed anti-tumor cell proliferation activity.', 'tumor-reactive-t-cells'],
  ['We measured anti-tumour cell growth in the dish.', 'tumor-reactive-t-cells'],
  ['Antitumor cell proliferation effects were seen.', 'tumor-reactive-t-cells'],
  ['The compound had anti-cancer cell migration effects.', 'cancer-cell'],
] as const;

/** Session 24: "anti-" words around cancer cells that keep their card: [sentence, marked text, id]. */
export const ANTI_CELL_KEEPERS = [
  ['The patient\'s own anti-tumour cells are grown in the lab.', 'anti-tumour cells', 'tumor-reactive-t-cells'],
  ['An anti-PD-1 antibody was given.', 'anti-PD-1 antibody', 'pd-1-inhibitor'],
  ['She took anti-cancer drugs for a year.', 'anti-cancer drugs', 'anticancer-drug'],
  ['Take the anti-nausea medicine before chemo.', 'anti-nausea medicine', 'antiemetic'],
  ['The anti-tumor immune response was strong.', 'anti-tumor immune response', 'antitumor-immune-response'],
  ['The cancer cells grew fast.', 'cancer cells', 'cancer-cell'],
  ['Tumor cell proliferation was measured.', 'Tumor cell', 'cancer-cell'],
  ['Chemo kills cancer cells and some healthy cells.', 'cancer cells', 'cancer-cell'],
] as const;

/**
 * Session 24: words of another sense around a card's own words: sore muscles after exercise are no
 * chest tightness; an "immune-inflamed" ("hot") tumor is full of immune cells, not red and swollen
 * (the everyday Inflamed card). [sentence, id it must not show].
 */
export const AROUND_SENSE_TRAPS = [
  ['After the gym I had tight chest muscles and sore legs.', 'chest-tightness'],
  ['Stretch tight chest muscles every day.', 'chest-tightness'],
  ['Sitting all day gives you a tight chest muscle.', 'chest-tightness'],
  ['Tumors can be immune-inflamed, immune-excluded or immune-desert.', 'inflamed'],
  ['The immune-inflamed subtype responds best to immunotherapy.', 'inflamed'],
  ['Immune-inflamed (hot) tumors respond to checkpoint inhibitors.', 'inflamed'],
  ['The T-cell-inflamed phenotype predicts response.', 'inflamed'],
  ['Inflamed (hot) tumors have many T cells.', 'inflamed'],
  ['Inflamed and non-inflamed tumors respond differently.', 'inflamed'],
  ['Inflamed, excluded and desert tumors are the three kinds.', 'inflamed'],
  ['An inflamed "hot" tumor has many T cells.', 'inflamed'],
] as const;

/**
 * Session 25: round 40's bare "scan", "tissue" and "checkpoint" (marked on pages about health) in
 * the other senses those pages use them: what is scanned at a desk, paper tissues, a company's name.
 * [sentence, id it must not show].
 */
export const BARE_WORD_TRAPS = [
  ['Scan the QR code to watch a short video about your visit.', 'imaging-test'],
  ['Please scan your wristband at the desk when you arrive.', 'imaging-test'],
  ['Scan your referral letter and email it to the clinic.', 'imaging-test'],
  ['You can scan this barcode with your phone.', 'imaging-test'],
  ['Keep a box of tissues by the bed.', 'tissue'],
  ['Bring a packet of tissues and some tissue paper.', 'tissue'],
  ['She reached for a facial tissue.', 'tissue'],
  ['Checkpoint Therapeutics makes the drug.', 'immune-checkpoint'],
  // Session 26: a milestone or a stop on a way, not the immune brake.
  ['The next checkpoint in your recovery is the six-week visit.', 'immune-checkpoint'],
  ['Reaching the halfway checkpoint of radiotherapy is a milestone.', 'immune-checkpoint'],
  ['Your three-month checkpoint appointment is with the nurse.', 'immune-checkpoint'],
  ['We were stopped at a police checkpoint on the way to the hospital.', 'immune-checkpoint'],
  ['This is an important checkpoint on the road to recovery.', 'immune-checkpoint'],
  ['Your six-month checkpoint with the team is in March.', 'immune-checkpoint'],
  ['At the 12-week checkpoint the nurse checks your weight.', 'immune-checkpoint'],
] as const;

/** Session 25: the same bare words in their cards' sense: [sentence, marked text, id]. */
export const BARE_WORD_KEEPERS = [
  ['Your next scan is in three months.', 'scan', 'imaging-test'],
  ['The scan showed the tumor had shrunk.', 'scan', 'imaging-test'],
  ['The biopsy took a small piece of tissue.', 'tissue', 'tissue'],
  ['Radiation can damage tissues near the cervix.', 'tissues', 'tissue'],
  ['PD-1 is a checkpoint on T cells.', 'checkpoint', 'immune-checkpoint'],
  ['The next checkpoint protein studied was LAG-3.', 'checkpoint protein', 'immune-checkpoint'],
  ['Each checkpoint acts like a brake on the immune system.', 'checkpoint', 'immune-checkpoint'],
  ['A key checkpoint in the immune system is PD-1.', 'checkpoint', 'immune-checkpoint'],
  ['Researchers are looking for the next checkpoint to target after PD-1 and CTLA-4.', 'checkpoint', 'immune-checkpoint'],
] as const;

/** Session 24: the same words in the sense their cards explain: [sentence, marked text, id]. */
export const AROUND_SENSE_KEEPERS = [
  ['He reported a tight chest and shortness of breath.', 'tight chest', 'chest-tightness'],
  ['Tell your nurse if you have a tight chest during the infusion.', 'tight chest', 'chest-tightness'],
  ['I felt tightness in my chest after the drip.', 'tightness in my chest', 'chest-tightness'],
  ['An immune-inflamed tumor responds better to immunotherapy.', 'immune-inflamed tumor', 'hot-tumor'],
  ['An inflamed tumor is called a hot tumor.', 'inflamed tumor', 'hot-tumor'],
  ['Inflamed tumours have many T cells.', 'Inflamed tumours', 'hot-tumor'],
  ['The skin around the wound was inflamed.', 'inflamed', 'inflamed'],
  ['The skin was inflamed and the tumor was growing.', 'inflamed', 'inflamed'],
  ['The gland became inflamed and tumors formed later.', 'inflamed', 'inflamed'],
  ['Immunotherapy can cause an inflamed bowel.', 'inflamed', 'inflamed'],
  ['Her joints were red, inflamed and hot.', 'inflamed', 'inflamed'],
] as const;

/**
 * Session 24: phrases whose alias names another entry's word only to pin its own sense ("urology
 * registrar": bare "registrar" is also the registrar of births and deaths; "adhesions to the colon":
 * bare "adhesions" is also cell adhesion). The other word keeps its own card: [sentence, "text→id"
 * of every mark, in order].
 */
export const PINNED_PHRASES = [
  ['The urology registrar saw her on the ward.', ['urology→urologist', 'registrar→resident-doctor', 'on the ward→hospital-ward']],
  ['Call the Urology Registrar on Call.', ['Urology→urologist', 'Registrar→resident-doctor']],
  ['An oncology registrar and a gynaecology registrar came.', ['oncology→oncology', 'registrar→resident-doctor', 'gynaecology→gynecology', 'registrar→resident-doctor']],
  ['A surgical registrar and a specialist registrar.', ['surgical registrar→resident-doctor', 'specialist registrar→resident-doctor']],
  ['She had adhesions to the colon after surgery.', ['adhesions→adhesions', 'colon→colon', 'surgery→surgery']],
  ['Adhesions to the bowel can cause a blockage.', ['Adhesions→adhesions', 'bowel→intestines']],
  ['There were adhesions to the bladder.', ['adhesions→adhesions', 'bladder→bladder']],
  ['Pelvic adhesions can cause pain.', ['Pelvic adhesions→adhesions']],
  ['She had IV chemotherapy last year.', ['IV→intravenous', 'chemotherapy→chemotherapy']],
  ['He needed IV antibiotics and then IV chemo.', ['IV→intravenous', 'antibiotics→antibiotic', 'IV→intravenous', 'chemo→chemotherapy']],
  ['Stage IV chemotherapy is hard.', ['Stage IV→stage-iv', 'chemotherapy→chemotherapy']],
  ['Adhesions from previous surgery are common.', ['Adhesions from previous surgery→adhesions']],
] as const;

/**
 * Session 24: a bare "I" after "MHC", "HLA" or their "class" is the class's Roman numeral, not the
 * pronoun, whatever word follows: [sentence, marked text]. Each is the HLA class I card.
 */
export const CLASS_I_READ = [
  ['Without MHC I on the surface, the cell hides from T cells.', 'MHC I'],
  ['Tumors with low MHC I expression escape.', 'MHC I'],
  ['Loss of HLA class I on tumor cells is common.', 'HLA class I'],
  ['Cells lose MHC class I during immune escape.', 'MHC class I'],
  ['MHC-I on the cell shows what is inside it.', 'MHC-I'],
  // Session 25: written with a hyphen or a space after HLA ("HLA-I") it showed the general HLA card.
  ['Tumors lose HLA-I on their surface.', 'HLA-I'],
  ['Low HLA I expression was linked to worse survival.', 'HLA I'],
] as const;

/** Session 25: class II written like class I ("HLA-II", "MHC-II"): never the class I card. */
export const CLASS_II_NOT_I = [
  'HLA-II is on antigen-presenting cells.',
  'MHC-II is on antigen-presenting cells.',
  'HLA II and MHC II show antigens to helper T cells.',
  'Both HLA-I/II typing and MHC-II staining were done.',
] as const;

/** Session 24: the pronoun "I" after words that number a class stays the pronoun (no card there). */
/** Last review, session 25: a verb only a person takes makes "I" the speaker after HLA or MHC too: no class I card. */
export const PRONOUN_I_AFTER_CLASS = ['My HLA I think is a full match.', 'The MHC I believe was typed twice.'] as const;

export const PRONOUN_I_KEPT = [
  'After class I went home and slept.',
  'The type I like best is the short one.',
  'In grade I was bullied at school.',
  'At this stage I felt tired.',
] as const;

/**
 * Session 24: lab-report forms of alkaline phosphatase (a liver and bone blood test), which once
 * showed the ALK gene card: [sentence, marked text or null for no card]. Never the ALK gene.
 */
export const LAB_ALK = [
  ['ALK. PHOS. 120 U/L', 'ALK. PHOS'],
  ['ALK PHOSPHATASE 98 (40-129)', 'ALK PHOSPHATASE'],
  ["ALK P'TASE 110", "ALK P'TASE"],
  ['Alk Phos was high.', 'Alk Phos'],
  ['ALK PHOS 120', 'ALK PHOS'],
  ['ALK.PHOS 130', 'ALK.PHOS'],
  ['ALK 120 U/L', null],
  ['ALT 40  AST 38  ALK 120', null],
  ['ALK: 98', null],
] as const;

/** Session 24: the ALK gene keeps its card: [sentence, marked text, id]. */
export const ALK_GENE_KEPT = [
  ['She has ALK-positive lung cancer.', 'ALK', 'alk'],
  ['An ALK fusion was found.', 'ALK fusion', 'alk'],
  ['He takes an ALK inhibitor.', 'ALK inhibitor', 'alk-inhibitor'],
  ['The test showed an ALK rearrangement.', 'ALK rearrangement', 'alk'],
  ['Mutations found: KRAS 30%, EGFR 15%, ALK 5%.', 'ALK', 'alk'],
  ['ALK is found in 3 to 5 in 100 lung cancers.', 'ALK', 'alk'],
] as const;

/**
 * Session 24: the renal pelvis (the funnel inside the kidney that collects urine) is not the
 * hip-bone area of the pelvis card: no pelvis card there, with no renal pelvis entry.
 */
export const RENAL_PELVIS_TRAPS = [
  'Cancer of the renal pelvis is rare.',
  'The renal pelvis collects urine from the kidney.',
  'A stone sat in the kidney pelvis.',
  'Renal pelvic tumors are treated like bladder cancer.',
] as const;

/**
 * Session 25: a bare "progression-free" on a page about games or sport ("a progression-free run"):
 * the progression-free survival card is marked only on a page about health, where "PFS" and
 * "progression-free survival" keep their marks everywhere.
 */
export const PROGRESSION_FREE_GAME = [
  'In this game guide we show a progression-free run and the best progression-free build for the boss fight.',
  'Speedrunners love a progression-free route through the castle.',
] as const;
/** Session 25: on a page about cancer the bare form keeps its card. */
export const PROGRESSION_FREE_HEALTH =
  'In the KEYNOTE-826 trial, pembrolizumab with bevacizumab helped women with metastatic cervical cancer: more stayed progression-free, and immune-related adverse events such as colitis and pneumonitis were treated.';
