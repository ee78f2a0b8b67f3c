<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>CohortReport</name>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="38" />
            <location filename="../report/src/CohortReport.cpp" line="191" />
            <location filename="../report/src/CohortReport.cpp" line="213" />
            <source>Sensitivity</source>
            <translation>Sensitivität</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="39" />
            <location filename="../report/src/CohortReport.cpp" line="191" />
            <location filename="../report/src/CohortReport.cpp" line="213" />
            <source>Dice</source>
            <translation>Dice</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="40" />
            <source>FP count (log)</source>
            <translation>FP-Anzahl (log)</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="41" />
            <source>FPR (log)</source>
            <translation>FPR (log)</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="147" />
            <source>LesionDelta cohort report</source>
            <translation>LesionDelta-Kohortenbericht</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="148" />
            <source>Cohort report: CNN, LST and raters</source>
            <translation>Kohortenbericht: CNN, LST und Bewerter</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="149" />
            <source>%1 cases listed, %2 used. %3. LesionDelta %4.</source>
            <translation>%1 Fälle aufgeführt, %2 verwendet. %3. LesionDelta %4.</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="153" />
            <source>Per case, each method is compared with every rater and the figures are averaged over the raters; IR (inter-rater) compares every rater with every other rater. Lesion-wise metrics as in Krueger et al. 2020: sensitivity = found reference lesions / reference lesions; Dice over matched lesions only; FP = predicted lesions overlapping no reference lesion; FPR = FP / reference lesions. Cases without reference lesions count for the FP count only. Boxes: quartiles and median, whiskers to 1.5 IQR; dots: cases; on log axes zeros are drawn at 0.05.</source>
            <translation>Je Fall wird jede Methode mit jedem Bewerter verglichen und über die Bewerter gemittelt; IR (Inter-Rater) vergleicht jeden Bewerter mit jedem anderen. Läsionsweise Maße wie bei Krueger et al. 2020: Sensitivität = gefundene Referenzläsionen / Referenzläsionen; Dice nur über zugeordnete Läsionen; FP = vorhergesagte Läsionen ohne Überlappung mit einer Referenzläsion; FPR = FP / Referenzläsionen. Fälle ohne Referenzläsionen zählen nur für die FP-Anzahl. Boxen: Quartile und Median, Whisker bis 1.5 IQR; Punkte: Fälle; auf logarithmischen Achsen werden Nullen bei 0.05 gezeichnet.</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="173" />
            <source>Mean ± sd over cases (Table 2 of the paper)</source>
            <translation>Mittelwert ± SD über die Fälle (Tabelle 2 der Publikation)</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="191" />
            <location filename="../report/src/CohortReport.cpp" line="213" />
            <source>Method</source>
            <translation>Methode</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="191" />
            <location filename="../report/src/CohortReport.cpp" line="213" />
            <source>FP count</source>
            <translation>FP-Anzahl</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="191" />
            <location filename="../report/src/CohortReport.cpp" line="213" />
            <source>FPR</source>
            <translation>FPR</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="193" />
            <source>p: two-sided Wilcoxon signed-rank test against IR over the cases where both are defined; * and shading: p &lt; 0.05.</source>
            <translation>p: zweiseitiger Wilcoxon-Vorzeichen-Rang-Test gegen IR über die Fälle, in denen beide definiert sind; * und Schattierung: p &lt; 0.05.</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="196" />
            <source>Per-case figures</source>
            <translation>Werte je Fall</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="213" />
            <source>Case</source>
            <translation>Fall</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="216" />
            <source>Skipped cases</source>
            <translation>Übersprungene Fälle</translation>
        </message>
    </context>
    <context>
        <name>PatientReport</name>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="35" />
            <source>Patient: anonymised</source>
            <translation>Patient: anonymisiert</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="36" />
            <source>Patient: %1</source>
            <translation>Patient: %1</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="41" />
            <source> (interval %1 days)</source>
            <translation> (Intervall %1 Tage)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="43" />
            <source>Scan interval%1</source>
            <translation>Untersuchungsintervall%1</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="43" />
            <source>: unknown</source>
            <translation>: unbekannt</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="44" />
            <source>Baseline %1, follow-up %2%3</source>
            <translation>Ausgangsuntersuchung %1, Verlaufsuntersuchung %2%3</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="46" />
            <source>Scan dates: not recorded in the case folder</source>
            <translation>Untersuchungsdaten: im Fallordner nicht vermerkt</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="49" />
            <source>Scanner: %1  Sequence: %2</source>
            <translation>Scanner: %1  Sequenz: %2</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="51" />
            <source>BL: %1</source>
            <translation>BL: %1</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="52" />
            <source>   FU: %1</source>
            <translation>   FU: %1</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="54" />
            <source>Model: none (no CNN result)</source>
            <translation>Modell: keines (kein CNN-Ergebnis)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="57" />
            <source>Model: %1, width %2, weights SHA-256 %3..., threshold %4</source>
            <translation>Modell: %1, Breite %2, Gewichte SHA-256 %3..., Schwelle %4</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="61" />
            <source>LesionDelta %1. %2</source>
            <translation>LesionDelta %1. %2</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="79" />
            <source>CNN only</source>
            <translation>nur CNN</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="79" />
            <source>CNN, %1</source>
            <translation>CNN, %1</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="81" />
            <location filename="../report/src/PatientReport.cpp" line="173" />
            <source>Lesion</source>
            <translation>Läsion</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="81" />
            <location filename="../report/src/PatientReport.cpp" line="173" />
            <source>Volume (ml)</source>
            <translation>Volumen (ml)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="81" />
            <location filename="../report/src/PatientReport.cpp" line="173" />
            <source>Centroid L, P, S (mm)</source>
            <translation>Schwerpunkt L, P, S (mm)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="81" />
            <source>FU slice</source>
            <translation>FU-Schicht</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="81" />
            <source>Mean CNN probability</source>
            <translation>Mittlere CNN-Wahrscheinlichkeit</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="82" />
            <source>Found by</source>
            <translation>Gefunden von</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="114" />
            <source>FU, S %1 mm</source>
            <translation>FU, S %1 mm</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="141" />
            <source>Lesion %1, BL</source>
            <translation>Läsion %1, BL</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="141" />
            <source>Lesion %1, FU (%2 ml)</source>
            <translation>Läsion %1, FU (%2 ml)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="148" />
            <source>Comparison of methods and raters</source>
            <translation>Vergleich von Methoden und Bewertern</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="153" />
            <source>Method / rater</source>
            <translation>Methode / Bewerter</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="153" />
            <source>Lesions (&gt;= 0.01 ml)</source>
            <translation>Läsionen (&gt;= 0.01 ml)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="153" />
            <source>Total volume (ml)</source>
            <translation>Gesamtvolumen (ml)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="163" />
            <source>Lesion-wise metrics (Krueger et al. 2020): a reference lesion is found when a predicted lesion overlaps it; a false positive (FP) is a predicted lesion overlapping no reference lesion; Dice is computed over matched lesions only; FPR = FP / reference lesions. '-' means undefined (no reference lesion).</source>
            <translation>Läsionsweise Maße (Krueger et al. 2020): Eine Referenzläsion gilt als gefunden, wenn eine vorhergesagte Läsion sie überlappt; ein falsch Positiver (FP) ist eine vorhergesagte Läsion ohne Überlappung mit einer Referenzläsion; Dice wird nur über zugeordnete Läsionen berechnet; FPR = FP / Referenzläsionen. '-' bedeutet nicht definiert (keine Referenzläsion).</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="168" />
            <source>Method</source>
            <translation>Methode</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="168" />
            <source>Reference</source>
            <translation>Referenz</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="168" />
            <source>Ref. lesions</source>
            <translation>Ref.-Läsionen</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="168" />
            <source>Found</source>
            <translation>Gefunden</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="168" />
            <source>FP</source>
            <translation>FP</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="168" />
            <source>Sensitivity</source>
            <translation>Sensitivität</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="169" />
            <source>Dice</source>
            <translation>Dice</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="169" />
            <source>FPR</source>
            <translation>FPR</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="186" />
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="189" />
            <source>Per-lesion concordance: every lesion of the union of all masks, and who marked it.</source>
            <translation>Übereinstimmung je Läsion: jede Läsion der Vereinigung aller Masken und wer sie markiert hat.</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="194" />
            <source>Method. The follow-up (FU) scan is compared with the baseline (BL) after rigid registration of BL to FU. Both scans are resampled to 1 mm, corrected for intensity non-uniformity (N4) and standardised; a 3D convolutional network with two encoder paths (Krueger et al. 2020) gives each voxel a probability of being new or enlarged lesion tissue, searched within an automatically estimated brain region without its outermost few millimetres. Voxels above the model's threshold form lesions; lesions under 0.01 ml (about 3 mm across) are dropped. The shipped model was trained on synthetic BL/FU pairs made from real scans of other patients, not on this patient.
Limitations. FLAIR intensities are not quantitative: differences in scanner, coil or protocol between the visits can mimic or hide change. Lesions at the cortex, in the posterior fossa and near the edge of the brain estimate are less reliable, and lesions under the 0.01 ml rule are not reported. This report supports, and does not replace, the reading of the images by a qualified neuroradiologist or neurologist.</source>
            <translation>Methode. Die Verlaufsuntersuchung (FU) wird nach starrer Registrierung der Ausgangsuntersuchung (BL) auf FU mit BL verglichen. Beide Aufnahmen werden auf 1 mm umgetastet, um Intensitätsinhomogenitäten korrigiert (N4) und standardisiert; ein 3D-Faltungsnetz mit zwei Encoder-Pfaden (Krueger et al. 2020) gibt jedem Voxel eine Wahrscheinlichkeit, neues oder vergrößertes Läsionsgewebe zu sein, gesucht innerhalb einer automatisch geschätzten Hirnregion ohne deren äußerste Millimeter. Voxel oberhalb der Schwelle des Modells bilden Läsionen; Läsionen unter 0.01 ml (etwa 3 mm Durchmesser) werden verworfen. Das mitgelieferte Modell wurde an synthetischen BL/FU-Paaren aus realen Aufnahmen anderer Patienten trainiert, nicht an diesem Patienten.
Einschränkungen. FLAIR-Intensitäten sind nicht quantitativ: Unterschiede in Scanner, Spule oder Protokoll zwischen den Untersuchungen können Veränderungen vortäuschen oder verbergen. Läsionen am Kortex, in der hinteren Schädelgrube und nahe dem Rand der Hirnschätzung sind weniger zuverlässig, und Läsionen unter der 0.01-ml-Regel werden nicht berichtet. Dieser Bericht unterstützt die Befundung der Bilder durch eine qualifizierte Neuroradiologin, einen Neuroradiologen, eine Neurologin oder einen Neurologen und ersetzt sie nicht.</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="211" />
            <source>No CNN result is available for this case.</source>
            <translation>Für diesen Fall liegt kein CNN-Ergebnis vor.</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="215" />
            <source>Compared with baseline, the CNN found no new or enlarging FLAIR lesion of at least 0.01 ml.</source>
            <translation>Im Vergleich zur Ausgangsuntersuchung fand das CNN keine neue oder sich vergrößernde FLAIR-Läsion von mindestens 0.01 ml.</translation>
        </message>
        <message numerus="yes">
            <location filename="../report/src/PatientReport.cpp" line="216" />
            <source>Compared with baseline, the CNN found %n new or enlarging FLAIR lesion(s) of at least 0.01 ml, %1 ml in total.</source>
            <translation>
                <numerusform>Im Vergleich zur Ausgangsuntersuchung fand das CNN %n neue oder sich vergrößernde FLAIR-Läsion von mindestens 0.01 ml, insgesamt %1 ml.</numerusform>
                <numerusform>Im Vergleich zur Ausgangsuntersuchung fand das CNN %n neue oder sich vergrößernde FLAIR-Läsionen von mindestens 0.01 ml, insgesamt %1 ml.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="225" />
            <source>LesionDelta report (anonymised)</source>
            <translation>LesionDelta-Bericht (anonymisiert)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="226" />
            <source>LesionDelta report - %1</source>
            <translation>LesionDelta-Bericht - %1</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="228" />
            <source>LesionDelta follow-up report</source>
            <translation>LesionDelta-Verlaufsbericht</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="231" />
            <source>New and enlarging MS lesions: follow-up report</source>
            <translation>Neue und sich vergrößernde MS-Läsionen: Verlaufsbericht</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="232" />
            <source>Summary</source>
            <translation>Zusammenfassung</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="234" />
            <source>Warning: %1</source>
            <translation>Warnung: %1</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="236" />
            <source>New and enlarging lesions (CNN)</source>
            <translation>Neue und sich vergrößernde Läsionen (CNN)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="237" />
            <source>None.</source>
            <translation>Keine.</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="239" />
            <source>Overview: follow-up, CNN lesions outlined in green</source>
            <translation>Übersicht: Verlaufsuntersuchung, CNN-Läsionen grün umrandet</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="243" />
            <source>Lesions: baseline and follow-up (largest %1 of %2)</source>
            <translation>Läsionen: Ausgangs- und Verlaufsuntersuchung (die größten %1 von %2)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="248" />
            <source>Methods and limitations</source>
            <translation>Methode und Einschränkungen</translation>
        </message>
    </context>
    <context>
        <name>PdfDocument</name>
        <message>
            <location filename="../report/src/PdfDocument.cpp" line="59" />
            <source>Page %1 of %2</source>
            <translation>Seite %1 von %2</translation>
        </message>
        <message>
            <location filename="../report/src/PdfDocument.cpp" line="60" />
            <source>Page %1</source>
            <translation>Seite %1</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::AboutDialog</name>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="27" />
            <source>About LesionDelta</source>
            <translation>Über LesionDelta</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="30" />
            <location filename="../app/gui/AboutDialog.cpp" line="34" />
            <location filename="../app/gui/AboutDialog.cpp" line="41" />
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="30" />
            <source>none installed</source>
            <translation>keines installiert</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="35" />
            <source>SHA-256 of the weights</source>
            <translation>SHA-256 der Gewichte</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="36" />
            <source>Network</source>
            <translation>Netz</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="36" />
            <source>%1, base width %2, threshold %3</source>
            <translation>%1, Basisbreite %2, Schwelle %3</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="38" />
            <source>Trained on</source>
            <translation>Trainiert mit</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="39" />
            <source>Trained</source>
            <translation>Trainiert am</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="41" />
            <source>%1 cannot be read: %2</source>
            <translation>%1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="45" />
            <source>&lt;h2&gt;LesionDelta %1&lt;/h2&gt;&lt;p&gt;Detection and review of new and enlarging multiple-sclerosis lesions in follow-up FLAIR MRI, after Krueger et al., NeuroImage: Clinical 2020. For research and as a reading aid; not a certified medical device.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;LesionDelta %1&lt;/h2&gt;&lt;p&gt;Erkennung und Befundung neuer und sich vergrößernder Multiple-Sklerose-Läsionen in FLAIR-MRT-Verlaufsuntersuchungen, nach Krueger et al., NeuroImage: Clinical 2020. Für die Forschung und als Befundungshilfe; kein zertifiziertes Medizinprodukt.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="49" />
            <source>&lt;h3&gt;Libraries&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Bibliotheken&lt;/h3&gt;</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="54" />
            <source>Bitstream Vera licence</source>
            <translation>Bitstream-Vera-Lizenz</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="55" />
            <source>&lt;h3&gt;Licence&lt;/h3&gt;&lt;p&gt;LesionDelta is free software under the GNU General Public License, version 3 or later (it links QCustomPlot, which is GPL-3.0). It comes with no warranty.&lt;/p&gt;&lt;h3&gt;Data&lt;/h3&gt;&lt;p&gt;The sample case and the scans the shipped model was trained on come from the Ljubljana MS lesion datasets (University of Ljubljana; Lesjak et al., Neuroinformatics 2016 and 2018), released under Creative Commons Attribution (CC BY). The model was trained only on synthetic pairs made from those scans.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Lizenz&lt;/h3&gt;&lt;p&gt;LesionDelta ist freie Software unter der GNU General Public License, Version 3 oder später (es bindet QCustomPlot ein, das unter GPL-3.0 steht). Es wird ohne jede Gewährleistung bereitgestellt.&lt;/p&gt;&lt;h3&gt;Daten&lt;/h3&gt;&lt;p&gt;Der Beispielfall und die Aufnahmen, an denen das mitgelieferte Modell trainiert wurde, stammen aus den Ljubljana-MS-Läsionsdatensätzen (Universität Ljubljana; Lesjak et al., Neuroinformatics 2016 und 2018), veröffentlicht unter Creative Commons Namensnennung (CC BY). Das Modell wurde nur an synthetischen Paaren aus diesen Aufnahmen trainiert.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::AnnotationController</name>
        <message>
            <location filename="../app/gui/AnnotationController.cpp" line="178" />
            <source>Lesion %1 accepted into %2's mask (%3 voxels)</source>
            <translation>Läsion %1 in die Maske von %2 übernommen (%3 Voxel)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationController.cpp" line="184" />
            <source>Lesion %1 rejected</source>
            <translation>Läsion %1 verworfen</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationController.cpp" line="212" />
            <source>Saved %1</source>
            <translation>%1 gespeichert</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationController.cpp" line="261" />
            <source>The recovery copy could not be written: %1</source>
            <translation>Die Wiederherstellungskopie konnte nicht geschrieben werden: %1</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::AnnotationPanel</name>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="26" />
            <source>Annotate as rater...</source>
            <translation>Als Bewerter annotieren...</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="35" />
            <source>Navigate (V)</source>
            <translation>Navigieren (V)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="35" />
            <source>Paint (B)</source>
            <translation>Malen (B)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="36" />
            <source>Erase (E)</source>
            <translation>Radieren (E)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="36" />
            <source>ROI threshold (I)</source>
            <translation>ROI-Schwelle (I)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="37" />
            <source>Erase lesion (K)</source>
            <translation>Läsion löschen (K)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="53" />
            <source> mm</source>
            <translation> mm</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="54" />
            <source>radius </source>
            <translation>Radius </translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="56" />
            <source>3D sphere</source>
            <translation>3D-Kugel</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="64" />
            <source>ROI threshold (also Shift+wheel over a view)</source>
            <translation>ROI-Schwelle (auch Umschalt+Mausrad über einer Ansicht)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="66" />
            <source>Apply ROI (Enter)</source>
            <translation>ROI anwenden (Eingabe)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="67" />
            <source>Cancel ROI</source>
            <translation>ROI verwerfen</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="86" />
            <source>threshold %1</source>
            <translation>Schwelle %1</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="86" />
            <source>draw an ROI</source>
            <translation>eine ROI zeichnen</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="89" />
            <source>Accept lesion (Y)</source>
            <translation>Läsion übernehmen (Y)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="90" />
            <source>Reject lesion (X)</source>
            <translation>Läsion verwerfen (X)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="91" />
            <source>Undo</source>
            <translation>Rückgängig</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="92" />
            <source>Redo</source>
            <translation>Wiederholen</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="93" />
            <source>Save rater mask</source>
            <translation>Bewertermaske speichern</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="111" />
            <source>Lesion</source>
            <translation>Läsion</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="111" />
            <source>Volume (ml)</source>
            <translation>Volumen (ml)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="111" />
            <source>Note</source>
            <translation>Hinweis</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="113" />
            <source>The rater's lesions (26-connected). Lesions under 0.01 ml (3 mm) are not counted in comparisons. Double-click to go to a lesion.</source>
            <translation>Die Läsionen des Bewerters (26-zusammenhängend). Läsionen unter 0.01 ml (3 mm) zählen in Vergleichen nicht. Doppelklick springt zur Läsion.</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="115" />
            <source>Lesions of this rater's mask:</source>
            <translation>Läsionen der Maske dieses Bewerters:</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="138" />
            <source>under 0.01 ml: not counted</source>
            <translation>unter 0.01 ml: nicht gezählt</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="157" />
            <source>Rater: &lt;b&gt;%1&lt;/b&gt;%2</source>
            <translation>Bewerter: &lt;b&gt;%1&lt;/b&gt;%2</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="159" />
            <source> (unsaved edits)</source>
            <translation> (ungespeicherte Änderungen)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="160" />
            <source>Not annotating.</source>
            <translation>Keine Annotation aktiv.</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::CaseSession</name>
        <message>
            <source>Results saved with the case; the earlier ones are kept in %1</source>
            <translation>Ergebnisse mit dem Fall gespeichert; die früheren liegen in %1</translation>
        </message>
        <message>
            <location filename="../app/gui/CaseSession.cpp" line="301" />
            <source>CNN new/enlarged</source>
            <translation>CNN neu/vergrößert</translation>
        </message>
        <message>
            <location filename="../app/gui/CaseSession.cpp" line="301" />
            <source>LST increase</source>
            <translation>LST-Zunahme</translation>
        </message>
        <message>
            <location filename="../app/gui/CaseSession.cpp" line="301" />
            <source>Rater %1</source>
            <translation>Bewerter %1</translation>
        </message>
        <message>
            <location filename="../app/gui/CaseSession.cpp" line="301" />
            <source>Rater (editing): %1</source>
            <translation>Bewerter (bearbeitet): %1</translation>
        </message>
        <message>
            <location filename="../app/gui/CaseSession.cpp" line="301" />
            <source>ROI</source>
            <translation>ROI</translation>
        </message>
        <message>
            <location filename="../app/gui/CaseSession.cpp" line="301" />
            <source>ROI preview</source>
            <translation>ROI-Vorschau</translation>
        </message>
        <message>
            <location filename="../app/gui/CaseSession.cpp" line="199" />
            <source>Some parts of the case could not be loaded:
%1</source>
            <translation>Einige Teile des Falls konnten nicht geladen werden:
%1</translation>
        </message>
        <message>
            <location filename="../app/gui/CaseSession.cpp" line="227" />
            <source>The results could not be saved with the case: %1</source>
            <translation>Die Ergebnisse konnten nicht mit dem Fall gespeichert werden: %1</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::LayerPanel</name>
        <message>
            <source>Outline</source>
            <translation>Umriss</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Ebene</translation>
        </message>
        <message>
            <source>Draw the layer&apos;s outline instead of filling it (on BL every layer is outlined unless View &gt; Overlays on BL as outlines is off)</source>
            <translation>Den Umriss der Ebene zeichnen statt sie zu füllen (auf BL wird jede Ebene umrissen, außer Ansicht &gt; Überlagerungen auf BL als Umriss ist aus)</translation>
        </message>
        <message>
            <source>Probabilities below this are not coloured</source>
            <translation>Wahrscheinlichkeiten darunter werden nicht eingefärbt</translation>
        </message>
        <message>
            <source>from</source>
            <translation>ab</translation>
        </message>
        <message>
            <location filename="../app/gui/LayerPanel.cpp" line="18" />
            <source>Overlays</source>
            <translation>Überlagerungen</translation>
        </message>
        <message>
            <location filename="../app/gui/LayerPanel.cpp" line="22" />
            <source>CNN</source>
            <translation>CNN</translation>
        </message>
        <message>
            <location filename="../app/gui/LayerPanel.cpp" line="24" />
            <source>Probability heat map (H)</source>
            <translation>Wahrscheinlichkeitskarte (H)</translation>
        </message>
        <message>
            <location filename="../app/gui/LayerPanel.cpp" line="28" />
            <source>Threshold</source>
            <translation>Schwelle</translation>
        </message>
        <message>
            <location filename="../app/gui/LayerPanel.cpp" line="33" />
            <source>Probability at or above which a voxel is marked (default 0.40)</source>
            <translation>Wahrscheinlichkeit, ab der ein Voxel markiert wird (Standard 0.40)</translation>
        </message>
        <message>
            <location filename="../app/gui/LayerPanel.cpp" line="74" />
            <source>No overlays yet: run detection (Ctrl+D) or add a mask.</source>
            <translation>Noch keine Überlagerungen: Erkennung starten (Strg+D) oder eine Maske hinzufügen.</translation>
        </message>
        <message>
            <location filename="../app/gui/LayerPanel.cpp" line="86" />
            <source>outline</source>
            <translation>Umriss</translation>
        </message>
        <message>
            <location filename="../app/gui/LayerPanel.cpp" line="92" />
            <source>Opacity</source>
            <translation>Deckkraft</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::MainWindow</name>
        <message>
            <source>The CNN&apos;s result (threshold %1)</source>
            <translation>Das Ergebnis des CNN (Schwelle %1)</translation>
        </message>
        <message>
            <source>Which lesion mask goes to the PACS?</source>
            <translation>Welche Läsionsmaske geht an das PACS?</translation>
        </message>
        <message>
            <source>There is no such lesion mask to send.</source>
            <translation>Diese Läsionsmaske gibt es nicht.</translation>
        </message>
        <message>
            <source>Send to PACS %1, into the follow-up&apos;s study:
- the new/enlarging lesion mask (DICOM Segmentation),
- the lesions&apos; volumes (DICOM measurement report),
- the patient report (PDF, with the patient&apos;s name and ID),
- the follow-up slices with the lesions outlined (marked: not for diagnosis)?</source>
            <translation>An das PACS %1 senden, in die Studie der Verlaufsaufnahme:
- die Maske neuer/vergrößerter Läsionen (DICOM-Segmentierung),
- die Volumina der Läsionen (DICOM-Messbericht),
- den Patientenbericht (PDF, mit Name und ID des Patienten),
- die Schichten der Verlaufsaufnahme mit umrandeten Läsionen (gekennzeichnet: nicht zur Diagnose)?</translation>
        </message>
        <message>
            <source>There are no results to send yet: detect new lesions first.</source>
            <translation>Es gibt noch keine Ergebnisse zum Senden: zuerst neue Läsionen erkennen.</translation>
        </message>
        <message>
            <source>The follow-up %1 was not opened from DICOM. Results go to the PACS only for scans opened from a DICOM folder or from the PACS: their objects must refer to the follow-up&apos;s images.</source>
            <translation>Die Verlaufsaufnahme %1 wurde nicht aus DICOM geöffnet. Ergebnisse gehen nur für Aufnahmen aus einem DICOM-Ordner oder aus dem PACS an das PACS: ihre Objekte müssen auf die Bilder der Verlaufsaufnahme verweisen.</translation>
        </message>
        <message>
            <source>No PACS is set up yet. Enter it in File &gt; Open from PACS and test the connection; it is remembered once it answers.</source>
            <translation>Noch kein PACS eingerichtet. Unter Datei &gt; Aus dem PACS öffnen eintragen und die Verbindung testen; es wird gespeichert, sobald es antwortet.</translation>
        </message>
        <message>
            <source>Send results to PACS</source>
            <translation>Ergebnisse an das PACS senden</translation>
        </message>
        <message>
            <source>Send results to PACS...</source>
            <translation>Ergebnisse an das PACS senden...</translation>
        </message>
        <message>
            <source>The results could not be prepared for the PACS: %1</source>
            <translation>Die Ergebnisse konnten nicht für das PACS vorbereitet werden: %1</translation>
        </message>
        <message>
            <source>The results were not sent to the PACS: %1</source>
            <translation>Die Ergebnisse wurden nicht an das PACS gesendet: %1</translation>
        </message>
        <message>
            <source>Sending to the PACS cancelled</source>
            <translation>Senden an das PACS abgebrochen</translation>
        </message>
        <message>
            <source>Open from PACS...</source>
            <translation>Aus dem PACS öffnen...</translation>
        </message>
        <message>
            <source>Open patient series...</source>
            <translation>Patientenverlauf öffnen...</translation>
        </message>
        <message>
            <source>Course</source>
            <translation>Verlauf</translation>
        </message>
        <message>
            <source>BL side: %1, FU side: %2</source>
            <translation>BL-Seite: %1, FU-Seite: %2</translation>
        </message>
        <message>
            <source>Open patient series</source>
            <translation>Patientenverlauf öffnen</translation>
        </message>
        <message>
            <source>LesionDelta - %1 (series of %2 visits)</source>
            <translation>LesionDelta - %1 (Verlauf mit %2 Untersuchungen)</translation>
        </message>
        <message>
            <source>Parts of the series could not be used:
%1</source>
            <translation>Teile des Verlaufs konnten nicht verwendet werden:
%1</translation>
        </message>
        <message>
            <source>The results on screen differ from those saved with the case (a new detection or a changed threshold). Save them with the case before they are closed?</source>
            <translation>Die angezeigten Ergebnisse weichen von den mit dem Fall gespeicherten ab (neue Erkennung oder geänderte Schwelle). Vor dem Schließen mit dem Fall speichern?</translation>
        </message>
        <message>
            <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+left drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;measure a distance in mm&lt;/td&gt;&lt;/tr&gt;</source>
            <translation>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+links ziehen&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;Abstand in mm messen&lt;/td&gt;&lt;/tr&gt;</translation>
        </message>
        <message>
            <source>%1 %2% (%3 s)</source>
            <translation>%1 %2% (%3 s)</translation>
        </message>
        <message>
            <source>preprocessing</source>
            <translation>Vorverarbeitung</translation>
        </message>
        <message>
            <source>registration</source>
            <translation>Registrierung</translation>
        </message>
        <message>
            <source>CNN</source>
            <translation>CNN</translation>
        </message>
        <message>
            <source>lesions</source>
            <translation>Läsionen</translation>
        </message>
        <message>
            <source>done</source>
            <translation>fertig</translation>
        </message>
        <message>
            <source>Overlays on BL as outlines</source>
            <translation>Überlagerungen auf BL als Umriss</translation>
        </message>
        <message>
            <source>Three planes (BL above FU)</source>
            <translation>Drei Ebenen (BL über FU)</translation>
        </message>
        <message>
            <source>CPU (%1 threads)</source>
            <translation>CPU (%1 Threads)</translation>
        </message>
        <message>
            <source>Crosshair</source>
            <translation>Fadenkreuz</translation>
        </message>
        <message>
            <source>The detection&apos;s results were not saved.</source>
            <translation>Die Ergebnisse der Erkennung wurden nicht gespeichert.</translation>
        </message>
        <message>
            <source>Unsaved detection</source>
            <translation>Nicht gespeicherte Erkennung</translation>
        </message>
        <message>
            <source>The detection&apos;s results have not been saved anywhere. Save them before they are closed?</source>
            <translation>Die Ergebnisse der Erkennung sind noch nirgends gespeichert. Vor dem Schließen speichern?</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="57" />
            <location filename="../app/gui/MainWindow.cpp" line="480" />
            <source>LesionDelta</source>
            <translation>LesionDelta</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="66" />
            <source>Registering BL to FU...</source>
            <translation>BL wird auf FU registriert...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="77" />
            <source>Report written: %1 (%2 pages, %3 s)</source>
            <translation>Bericht geschrieben: %1 (%2 Seiten, %3 s)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="80" />
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="81" />
            <source>Report cancelled; nothing was written</source>
            <translation>Bericht abgebrochen; es wurde nichts geschrieben</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="120" />
            <source>Lesions</source>
            <translation>Läsionen</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="125" />
            <source>Annotate</source>
            <translation>Annotieren</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="128" />
            <location filename="../app/gui/MainWindow.cpp" line="133" />
            <source>3D</source>
            <translation>3D</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="130" />
            <source>The 3D view needs OpenGL, which this display does not offer.</source>
            <translation>Die 3D-Ansicht benötigt OpenGL, das diese Anzeige nicht bietet.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="161" />
            <location filename="../app/gui/MainWindow.cpp" line="298" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="206" />
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="207" />
            <source>Open BL and FU scans...</source>
            <translation>BL- und FU-Aufnahmen öffnen...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="208" />
            <source>Open BL and FU DICOM folders...</source>
            <translation>BL- und FU-DICOM-Ordner öffnen...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="209" />
            <source>Open case folder...</source>
            <translation>Fallordner öffnen...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="210" />
            <source>Recent cases</source>
            <translation>Zuletzt geöffnete Fälle</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="213" />
            <source>Add LST output...</source>
            <translation>LST-Ergebnis hinzufügen...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="214" />
            <source>Add rater mask...</source>
            <translation>Bewertermaske hinzufügen...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="215" />
            <source>Save results to folder...</source>
            <translation>Ergebnisse in Ordner speichern...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="216" />
            <source>Export patient report (PDF)...</source>
            <translation>Patientenbericht exportieren (PDF)...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="218" />
            <source>Anonymise reports</source>
            <translation>Berichte anonymisieren</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="223" />
            <source>Quit</source>
            <translation>Beenden</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="226" />
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="228" />
            <source>Axial</source>
            <translation>Axial</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="229" />
            <source>Coronal</source>
            <translation>Koronar</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="230" />
            <source>Sagittal</source>
            <translation>Sagittal</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="239" />
            <source>Next slice</source>
            <translation>Nächste Schicht</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="240" />
            <source>Previous slice</source>
            <translation>Vorige Schicht</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="241" />
            <source>Forward 5 slices</source>
            <translation>5 Schichten vor</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="242" />
            <source>Back 5 slices</source>
            <translation>5 Schichten zurück</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="243" />
            <source>Zoom in</source>
            <translation>Vergrößern</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="244" />
            <source>Zoom out</source>
            <translation>Verkleinern</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="245" />
            <source>Reset view</source>
            <translation>Ansicht zurücksetzen</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="247" />
            <source>Toggle BL/FU in the FU view</source>
            <translation>BL/FU in der FU-Ansicht umschalten</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="248" />
            <source>Shows BL in the FU view at identical geometry and window (T)</source>
            <translation>Zeigt BL in der FU-Ansicht mit gleicher Geometrie und gleichem Fenster (T)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="249" />
            <source>Flicker</source>
            <translation>Flackern</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="254" />
            <source>Flicker rate</source>
            <translation>Flackerfrequenz</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="257" />
            <source>%1 Hz</source>
            <translation>%1 Hz</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="268" />
            <source>Window: automatic</source>
            <translation>Fenster: automatisch</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="269" />
            <source>Window: lesion contrast</source>
            <translation>Fenster: Läsionskontrast</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="270" />
            <source>Window: wide</source>
            <translation>Fenster: weit</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="271" />
            <source>Link windows (same relative window)</source>
            <translation>Fenster koppeln (gleiches relatives Fenster)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="277" />
            <source>CNN overlay: fill/outline</source>
            <translation>CNN-Überlagerung: Fläche/Umriss</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="282" />
            <source>CNN overlay: show/hide</source>
            <translation>CNN-Überlagerung: zeigen/verbergen</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="287" />
            <source>Probability heat map</source>
            <translation>Wahrscheinlichkeitskarte</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="291" />
            <source>Next lesion</source>
            <translation>Nächste Läsion</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="292" />
            <source>Previous lesion</source>
            <translation>Vorige Läsion</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="296" />
            <source>&amp;Analysis</source>
            <translation>A&amp;nalyse</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="297" />
            <source>Detect new lesions</source>
            <translation>Neue Läsionen erkennen</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="300" />
            <source>A&amp;nnotate</source>
            <translation>Anno&amp;tieren</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="302" />
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="303" />
            <source>Welcome and tour</source>
            <translation>Willkommen und Einführung</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="304" />
            <location filename="../app/gui/MainWindowFiles.cpp" line="172" />
            <source>Keyboard shortcuts</source>
            <translation>Tastenkürzel</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="305" />
            <source>About LesionDelta</source>
            <translation>Über LesionDelta</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="307" />
            <source>Main</source>
            <translation>Haupt</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="309" />
            <source>Open case</source>
            <translation>Fall öffnen</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="320" />
            <source>Give both scans: BL and FU.</source>
            <translation>Bitte beide Aufnahmen angeben: BL und FU.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="324" />
            <location filename="../app/gui/MainWindow.cpp" line="334" />
            <location filename="../app/gui/MainWindow.cpp" line="354" />
            <source>Please wait for the running task to finish or cancel it.</source>
            <translation>Bitte warten, bis die laufende Aufgabe beendet ist, oder sie abbrechen.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="328" />
            <location filename="../app/gui/MainWindow.cpp" line="343" />
            <source>loading</source>
            <translation>wird geladen</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="348" />
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="72" />
            <source>Open a case first (File &gt; Open).</source>
            <translation>Zuerst einen Fall öffnen (Datei &gt; Öffnen).</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="357" />
            <source>starting</source>
            <translation>startet</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="427" />
            <location filename="../app/gui/MainWindow.cpp" line="428" />
            <source>LesionDelta - %1</source>
            <translation>LesionDelta - %1</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="444" />
            <source>%1 lesions | %2</source>
            <translation>%1 Läsionen | %2</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="446" />
            <source>%1 lesions</source>
            <translation>%1 Läsionen</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="456" />
            <source>Open a case: File &gt; Open, or drop BL and FU files or a case folder here.</source>
            <translation>Einen Fall öffnen: Datei &gt; Öffnen, oder BL- und FU-Dateien oder einen Fallordner hierher ziehen.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="463" />
            <source>voxel (%1, %2, %3)   LPS (%4, %5, %6) mm   BL %7   FU %8</source>
            <translation>Voxel (%1, %2, %3)   LPS (%4, %5, %6) mm   BL %7   FU %8</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="487" />
            <source>Unsaved annotation</source>
            <translation>Ungespeicherte Annotation</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="488" />
            <source>The rater mask has unsaved edits. Save them before closing?</source>
            <translation>Die Bewertermaske hat ungespeicherte Änderungen. Vor dem Schließen speichern?</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="526" />
            <source>Drop a case folder, or exactly two scans (BL first by name, then FU).</source>
            <translation>Einen Fallordner oder genau zwei Aufnahmen ablegen (nach Namen zuerst BL, dann FU).</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="46" />
            <source>Annotate as rater...</source>
            <translation>Als Bewerter annotieren...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="47" />
            <source>Navigate</source>
            <translation>Navigieren</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="48" />
            <source>Paint brush</source>
            <translation>Pinsel</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="49" />
            <source>Eraser</source>
            <translation>Radierer</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="50" />
            <source>ROI-threshold brush</source>
            <translation>ROI-Schwellenpinsel</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="51" />
            <source>Erase this lesion</source>
            <translation>Diese Läsion löschen</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="58" />
            <source>Apply ROI</source>
            <translation>ROI anwenden</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="59" />
            <source>Accept selected CNN lesion</source>
            <translation>Gewählte CNN-Läsion übernehmen</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="62" />
            <source>Reject selected CNN lesion</source>
            <translation>Gewählte CNN-Läsion verwerfen</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="65" />
            <source>Undo</source>
            <translation>Rückgängig</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="66" />
            <source>Redo</source>
            <translation>Wiederholen</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="67" />
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="109" />
            <source>Save rater mask</source>
            <translation>Bewertermaske speichern</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="78" />
            <source>Rater</source>
            <translation>Bewerter</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="78" />
            <source>Your name or rater code (remembered):</source>
            <translation>Ihr Name oder Bewerterkürzel (wird gemerkt):</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="87" />
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="130" />
            <source>Recover annotation</source>
            <translation>Annotation wiederherstellen</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="88" />
            <source>Unsaved edits of %1 on this case were kept after the program ended unexpectedly. Restore them?</source>
            <translation>Ungespeicherte Änderungen von %1 an diesem Fall wurden nach einem unerwarteten Programmende aufbewahrt. Wiederherstellen?</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="110" />
            <source>NIfTI (*.nii.gz)</source>
            <translation>NIfTI (*.nii.gz)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="119" />
            <source>The rater mask could not be saved; your edits are kept in memory and in the recovery copy.
%1</source>
            <translation>Die Bewertermaske konnte nicht gespeichert werden; Ihre Änderungen bleiben im Speicher und in der Wiederherstellungskopie erhalten.
%1</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="131" />
            <source>LesionDelta ended without saving the annotation of %1 on %2 (last kept %3).
Open that case and restore the edits?</source>
            <translation>LesionDelta wurde beendet, ohne die Annotation von %1 an %2 zu speichern (zuletzt gesichert %3).
Diesen Fall öffnen und die Änderungen wiederherstellen?</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="134" />
            <source>Open and restore</source>
            <translation>Öffnen und wiederherstellen</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="135" />
            <source>Later</source>
            <translation>Später</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="136" />
            <source>Discard the edits</source>
            <translation>Änderungen verwerfen</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="137" />
            <source>%1 more recovery copies are kept.</source>
            <translation>%1 weitere Wiederherstellungskopien sind vorhanden.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="52" />
            <source>Images (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd);;All files (*)</source>
            <translation>Bilder (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd);;Alle Dateien (*)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="53" />
            <source>Baseline (BL) scan</source>
            <translation>Ausgangsaufnahme (BL)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="55" />
            <source>Follow-up (FU) scan</source>
            <translation>Verlaufsaufnahme (FU)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="63" />
            <source>Case folder</source>
            <translation>Fallordner</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="80" />
            <source>%1 holds no DICOM series.</source>
            <translation>%1 enthält keine DICOM-Serie.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="87" />
            <source>%1 (%2, %3 files) %4</source>
            <translation>%1 (%2, %3 Dateien) %4</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="90" />
            <source>Choose the %1 series</source>
            <translation>Die %1-Serie wählen</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="91" />
            <source>%1 holds several series:</source>
            <translation>%1 enthält mehrere Serien:</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="98" />
            <source>Baseline (BL) DICOM folder</source>
            <translation>DICOM-Ordner der Ausgangsuntersuchung (BL)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="101" />
            <source>BL</source>
            <translation>BL</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="103" />
            <source>Follow-up (FU) DICOM folder</source>
            <translation>DICOM-Ordner der Verlaufsuntersuchung (FU)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="105" />
            <source>FU</source>
            <translation>FU</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="112" />
            <source>LST output (labels, 3 = increase)</source>
            <translation>LST-Ergebnis (Labels, 3 = Zunahme)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="112" />
            <source>Rater mask</source>
            <translation>Bewertermaske</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="114" />
            <source>Images (*.nii *.nii.gz *.nrrd *.mha);;All files (*)</source>
            <translation>Bilder (*.nii *.nii.gz *.nrrd *.mha);;Alle Dateien (*)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="126" />
            <source>There are no results to save yet.</source>
            <translation>Es gibt noch keine Ergebnisse zum Speichern.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="129" />
            <source>Save results into</source>
            <translation>Ergebnisse speichern in</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="133" />
            <source>Saved to %1</source>
            <translation>Gespeichert in %1</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="141" />
            <source>Open a case before exporting a report.</source>
            <translation>Vor dem Export eines Berichts einen Fall öffnen.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="147" />
            <source>Export patient report</source>
            <translation>Patientenbericht exportieren</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="147" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="168" />
            <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Left click / drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;set the cursor in both views&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Right drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;window (left/right) and level (up/down)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Middle or Shift+left drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;pan&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Wheel / Ctrl+wheel&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;slice / zoom&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
            <translation>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Linksklick / Ziehen&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;Cursor in beiden Ansichten setzen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Rechts ziehen&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;Fensterbreite (links/rechts) und -mitte (auf/ab)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Mitte oder Umschalt+links ziehen&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;verschieben&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Mausrad / Strg+Mausrad&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;Schicht / Zoom&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="200" />
            <source>Theme</source>
            <translation>Farbschema</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="202" />
            <location filename="../app/gui/MainWindowFiles.cpp" line="217" />
            <source>As the system</source>
            <translation>Wie das System</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="202" />
            <source>Light</source>
            <translation>Hell</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="202" />
            <source>Dark</source>
            <translation>Dunkel</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="212" />
            <location filename="../app/gui/MainWindowFiles.cpp" line="219" />
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="219" />
            <source>The new language applies from the next start of LesionDelta.</source>
            <translation>Die neue Sprache gilt ab dem nächsten Start von LesionDelta.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="236" />
            <source>&lt;b&gt;CNN result unreliable.&lt;/b&gt; %1</source>
            <translation>&lt;b&gt;CNN-Ergebnis unzuverlässig.&lt;/b&gt; %1</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="236" />
            <source>&lt;b&gt;Please check:&lt;/b&gt; %1</source>
            <translation>&lt;b&gt;Bitte prüfen:&lt;/b&gt; %1</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::ReportExporter</name>
        <message>
            <location filename="../app/gui/ReportExporter.cpp" line="22" />
            <source>Writing the report %1 ...</source>
            <translation>Der Bericht %1 wird geschrieben ...</translation>
        </message>
        <message>
            <location filename="../app/gui/ReportExporter.cpp" line="24" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <location filename="../app/gui/ReportExporter.cpp" line="23" />
            <source>Report</source>
            <translation>Bericht</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::WelcomeDialog</name>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="27" />
            <source>Welcome to LesionDelta</source>
            <translation>Willkommen bei LesionDelta</translation>
        </message>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="35" />
            <source>&lt;h2&gt;Welcome to LesionDelta&lt;/h2&gt;&lt;p&gt;LesionDelta compares a patient's baseline (BL) and follow-up (FU) FLAIR scans and finds the lesions that are new or enlarged at FU with a 3D convolutional network. You check them in coupled BL/FU views, correct them and export a PDF report.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Willkommen bei LesionDelta&lt;/h2&gt;&lt;p&gt;LesionDelta vergleicht die FLAIR-Aufnahmen der Ausgangs- (BL) und Verlaufsuntersuchung (FU) eines Patienten und findet mit einem 3D-Faltungsnetz die Läsionen, die bei FU neu oder größer sind. Sie prüfen sie in gekoppelten BL/FU-Ansichten, korrigieren sie und exportieren einen PDF-Bericht.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="45" />
            <source>Open the sample case</source>
            <translation>Beispielfall öffnen</translation>
        </message>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="48" />
            <source>The sample case is not installed.</source>
            <translation>Der Beispielfall ist nicht installiert.</translation>
        </message>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="49" />
            <source>Open a case folder...</source>
            <translation>Einen Fallordner öffnen...</translation>
        </message>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="50" />
            <source>Open BL and FU scans...</source>
            <translation>BL- und FU-Aufnahmen öffnen...</translation>
        </message>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="71" />
            <source>&lt;h3&gt;A short tour&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Open&lt;/b&gt; a case folder (Ctrl+Shift+O), two scans (Ctrl+O) or two DICOM folders; you can also drop files on the window. BL is registered to FU in the background.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Detect&lt;/b&gt; new and enlarged lesions (Ctrl+D). They appear in green; the list on the right is sorted by volume.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Review&lt;/b&gt;: N and P go to the next and previous lesion, T shows BL in the FU view, F flickers between them, W and A set the window, L links the windows of both views, Up/Down and the wheel change the slice, 1/2/3 the plane.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Correct&lt;/b&gt; in the Annotate tab: accept or reject each CNN lesion, paint (B) and erase (E) with the brush; the annotation is saved with your name and kept safe against crashes.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Compare and report&lt;/b&gt;: add LST output and rater masks (File menu); export the patient report as PDF (Ctrl+E).&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;F1 lists every shortcut. The CNN's result supports, and does not replace, the reading of the images.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Eine kurze Einführung&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Öffnen&lt;/b&gt; Sie einen Fallordner (Strg+Umschalt+O), zwei Aufnahmen (Strg+O) oder zwei DICOM-Ordner; Dateien lassen sich auch auf das Fenster ziehen. BL wird im Hintergrund auf FU registriert.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Erkennen&lt;/b&gt; Sie neue und vergrößerte Läsionen (Strg+D). Sie erscheinen grün; die Liste rechts ist nach Volumen sortiert.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Befunden&lt;/b&gt;: N und P springen zur nächsten und vorigen Läsion, T zeigt BL in der FU-Ansicht, F lässt zwischen beiden flackern, W und A stellen das Fenster ein, L koppelt die Fenster beider Ansichten, Auf/Ab und das Mausrad wechseln die Schicht, 1/2/3 die Ebene.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Korrigieren&lt;/b&gt; im Reiter Annotieren: jede CNN-Läsion übernehmen oder verwerfen, mit dem Pinsel malen (B) und radieren (E); die Annotation wird mit Ihrem Namen gespeichert und gegen Abstürze gesichert.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Vergleichen und berichten&lt;/b&gt;: LST-Ergebnis und Bewertermasken hinzufügen (Menü Datei); den Patientenbericht als PDF exportieren (Strg+E).&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;F1 listet alle Tastenkürzel. Das Ergebnis des CNN unterstützt die Befundung der Bilder und ersetzt sie nicht.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="92" />
            <source>Show this window at start</source>
            <translation>Dieses Fenster beim Start zeigen</translation>
        </message>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="97" />
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::viewer::LesionNavigator</name>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>ml</source>
            <translation>ml</translation>
        </message>
        <message>
            <source>Slice</source>
            <translation>Schicht</translation>
        </message>
        <message>
            <source>p</source>
            <translation>p</translation>
        </message>
        <message>
            <source>Found by</source>
            <translation>Gefunden von</translation>
        </message>
        <message>
            <source>Mean CNN probability inside the lesion</source>
            <translation>Mittlere CNN-Wahrscheinlichkeit in der Läsion</translation>
        </message>
        <message>
            <source>Other layers that overlap the lesion</source>
            <translation>Andere Ebenen, die die Läsion überlappen</translation>
        </message>
        <message>
            <location filename="../viewer/src/LesionNavigator.cpp" line="24" />
            <source>Lesion</source>
            <translation>Läsion</translation>
        </message>
        <message>
            <location filename="../viewer/src/LesionNavigator.cpp" line="24" />
            <source>Volume (ml)</source>
            <translation>Volumen (ml)</translation>
        </message>
        <message>
            <location filename="../viewer/src/LesionNavigator.cpp" line="24" />
            <source>Centroid L/P/S (mm)</source>
            <translation>Schwerpunkt L/P/S (mm)</translation>
        </message>
        <message>
            <location filename="../viewer/src/LesionNavigator.cpp" line="24" />
            <source>Axial slice</source>
            <translation>Axiale Schicht</translation>
        </message>
        <message>
            <location filename="../viewer/src/LesionNavigator.cpp" line="25" />
            <source>Mean prob.</source>
            <translation>Mittl. Wahrsch.</translation>
        </message>
        <message>
            <location filename="../viewer/src/LesionNavigator.cpp" line="25" />
            <source>Also found by</source>
            <translation>Auch gefunden von</translation>
        </message>
        <message>
            <location filename="../viewer/src/LesionNavigator.cpp" line="48" />
            <source>%1 (&lt; 0.01 ml)</source>
            <translation>%1 (&lt; 0.01 ml)</translation>
        </message>
        <message>
            <location filename="../viewer/src/LesionNavigator.cpp" line="60" />
            <source>-</source>
            <translation>-</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::viewer::SlicePairPanel</name>
        <message>
            <location filename="../viewer/src/SlicePairPanel.cpp" line="19" />
            <source>Slice (wheel, Up/Down, Page Up/Down)</source>
            <translation>Schicht (Mausrad, Auf/Ab, Bild auf/ab)</translation>
        </message>
        <message>
            <location filename="../viewer/src/SlicePairPanel.cpp" line="59" />
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::viewer::SliceView</name>
        <message>
            <source>%1 mm</source>
            <translation>%1 mm</translation>
        </message>
        <message>
            <source>CNN probability</source>
            <translation>CNN-Wahrscheinlichkeit</translation>
        </message>
        <message>
            <location filename="../viewer/src/SliceView.cpp" line="77" />
            <source>No case open</source>
            <translation>Kein Fall geöffnet</translation>
        </message>
        <message>
            <location filename="../viewer/src/SliceView.cpp" line="100" />
            <source>BL</source>
            <translation>BL</translation>
        </message>
        <message>
            <location filename="../viewer/src/SliceView.cpp" line="100" />
            <source>FU</source>
            <translation>FU</translation>
        </message>
        <message>
            <location filename="../viewer/src/SliceView.cpp" line="101" />
            <source>axial</source>
            <translation>axial</translation>
        </message>
        <message>
            <location filename="../viewer/src/SliceView.cpp" line="101" />
            <source>coronal</source>
            <translation>koronar</translation>
        </message>
        <message>
            <location filename="../viewer/src/SliceView.cpp" line="101" />
            <source>sagittal</source>
            <translation>sagittal</translation>
        </message>
        <message>
            <location filename="../viewer/src/SliceView.cpp" line="102" />
            <source>%1  %2 %3/%4</source>
            <translation>%1  %2 %3/%4</translation>
        </message>
        <message>
            <location filename="../viewer/src/SliceView.cpp" line="104" />
            <source>  (toggled)</source>
            <translation>  (umgeschaltet)</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::viewer::WindowLevelFields</name>
        <message>
            <source>BL W/L</source>
            <translation>BL W/L</translation>
        </message>
        <message>
            <source>FU W/L</source>
            <translation>FU W/L</translation>
        </message>
        <message>
            <source>Window: the intensity span from black to white</source>
            <translation>Fensterbreite: der Intensitätsbereich von Schwarz bis Weiß</translation>
        </message>
        <message>
            <source>Level: the intensity shown mid-grey</source>
            <translation>Fenstermitte: die Intensität, die mittelgrau erscheint</translation>
        </message>
    </context>
    <context>
        <name>CourseReport</name>
        <message>
            <source>New</source>
            <translation>Neu</translation>
        </message>
        <message>
            <source>Enlarging again</source>
            <translation>Erneut vergrößert</translation>
        </message>
        <message>
            <source>Lesions so far</source>
            <translation>Läsionen bisher</translation>
        </message>
        <message>
            <source>%1 d</source>
            <translation>%1 T</translation>
        </message>
        <message>
            <source>not measured</source>
            <translation>nicht gemessen</translation>
        </message>
        <message>
            <source>Lesions</source>
            <translation>Läsionen</translation>
        </message>
        <message>
            <source>No new or enlarging T2 lesions since %1 (1 follow-up).</source>
            <translation>Keine neuen oder sich vergrößernden T2-Läsionen seit %1 (1 Verlaufskontrolle).</translation>
        </message>
        <message>
            <source>No new or enlarging T2 lesions since %1 (%2 follow-ups).</source>
            <translation>Keine neuen oder sich vergrößernden T2-Läsionen seit %1 (%2 Verlaufskontrollen).</translation>
        </message>
        <message>
            <source>1 new or enlarging T2 lesion since %1</source>
            <translation>1 neue oder sich vergrößernde T2-Läsion seit %1</translation>
        </message>
        <message>
            <source>%1 new or enlarging T2 lesions since %2</source>
            <translation>%1 neue oder sich vergrößernde T2-Läsionen seit %2</translation>
        </message>
        <message>
            <source>in 1 follow-up</source>
            <translation>in 1 Verlaufskontrolle</translation>
        </message>
        <message>
            <source>in %1 follow-ups</source>
            <translation>in %1 Verlaufskontrollen</translation>
        </message>
        <message>
            <source>(%1 per year).</source>
            <translation>(%1 pro Jahr).</translation>
        </message>
        <message>
            <source>1 interval could not be measured.</source>
            <translation>1 Intervall konnte nicht gemessen werden.</translation>
        </message>
        <message>
            <source>%1 intervals could not be measured.</source>
            <translation>%1 Intervalle konnten nicht gemessen werden.</translation>
        </message>
        <message>
            <source>Course of %1</source>
            <translation>Verlauf von %1</translation>
        </message>
        <message>
            <source>LesionDelta course report - %1</source>
            <translation>LesionDelta-Verlaufsbericht - %1</translation>
        </message>
        <message>
            <source>Course of %1: new and enlarging T2 lesions</source>
            <translation>Verlauf von %1: neue und sich vergrößernde T2-Läsionen</translation>
        </message>
        <message>
            <source>%1 visits, reference visit %2, rebaseline visit %3. %4. LesionDelta %5.</source>
            <translation>%1 Untersuchungen, Referenzuntersuchung %2, Rebaseline-Untersuchung %3. %4. LesionDelta %5.</translation>
        </message>
        <message>
            <source>the classical subtraction detector</source>
            <translation>den klassischen Subtraktionsdetektor</translation>
        </message>
        <message>
            <source>the CNN (%1)</source>
            <translation>das CNN (%1)</translation>
        </message>
        <message>
            <source>Each consecutive pair of visits was measured by %1; every lesion gets an identity at the visit where it first appears, and a later finding touching it (in the reference visit&apos;s space) is the same lesion enlarging again. Research software: not for diagnosis.</source>
            <translation>Jedes Paar aufeinanderfolgender Untersuchungen wurde durch %1 ausgewertet; jede Läsion erhält eine Kennung bei der Untersuchung, in der sie zuerst erscheint, und ein späterer Befund, der sie berührt (im Raum der Referenzuntersuchung), ist dieselbe Läsion, die sich erneut vergrößert. Forschungssoftware: nicht für die Diagnostik.</translation>
        </message>
        <message>
            <source>Intervals</source>
            <translation>Intervalle</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Bis</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>Tage</translation>
        </message>
        <message>
            <source>ml</source>
            <translation>ml</translation>
        </message>
        <message>
            <source>Per year</source>
            <translation>Pro Jahr</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Hinweise</translation>
        </message>
        <message>
            <source>Lesion</source>
            <translation>Läsion</translation>
        </message>
        <message>
            <source>First seen</source>
            <translation>Erstmals gesehen</translation>
        </message>
        <message>
            <source>Enlarging again at</source>
            <translation>Erneut vergrößert bei</translation>
        </message>
        <message>
            <source>ml per interval</source>
            <translation>ml je Intervall</translation>
        </message>
        <message>
            <source>Visits left out</source>
            <translation>Ausgelassene Untersuchungen</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::CourseTimeline</name>
        <message>
            <source>New</source>
            <translation>Neu</translation>
        </message>
        <message>
            <source>Enlarging again</source>
            <translation>Erneut vergrößert</translation>
        </message>
        <message>
            <source>Lesions so far</source>
            <translation>Läsionen bisher</translation>
        </message>
        <message>
            <source>%1 d</source>
            <translation>%1 T</translation>
        </message>
        <message>
            <source>not measured</source>
            <translation>nicht gemessen</translation>
        </message>
        <message>
            <source>Lesions</source>
            <translation>Läsionen</translation>
        </message>
        <message>
            <source>Click an interval to show its two visits.</source>
            <translation>Ein Intervall anklicken, um seine beiden Untersuchungen zu zeigen.</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::SeriesSession</name>
        <message>
            <source>New/enlarged %1</source>
            <translation>Neu/vergrößert %1</translation>
        </message>
        <message>
            <source>Earlier: %1</source>
            <translation>Früher: %1</translation>
        </message>
        <message>
            <source>new %1</source>
            <translation>neu %1</translation>
        </message>
        <message>
            <source>enlarging %1</source>
            <translation>vergrößert %1</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::VisitBar</name>
        <message>
            <source>The visit shown on the BL side</source>
            <translation>Die auf der BL-Seite gezeigte Untersuchung</translation>
        </message>
        <message>
            <source>The visit shown on the FU side</source>
            <translation>Die auf der FU-Seite gezeigte Untersuchung</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>Untersuchungen</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::SeriesDatesDialog</name>
        <message>
            <source>Dates of the visits</source>
            <translation>Daten der Untersuchungen</translation>
        </message>
        <message>
            <source>Some scans in %1 have no date in their names. Give each visit&apos;s acquisition date (YYYY-MM-DD); leave it empty to leave a file out. The dates are saved in series.json in that folder.</source>
            <translation>Einige Aufnahmen in %1 haben kein Datum im Namen. Bitte für jede Untersuchung das Aufnahmedatum angeben (JJJJ-MM-TT); leer lassen, um eine Datei auszulassen. Die Daten werden in series.json in diesem Ordner gespeichert.</translation>
        </message>
        <message>
            <source>Scan</source>
            <translation>Aufnahme</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>%1: &quot;%2&quot; is not a date (YYYY-MM-DD).</source>
            <translation>%1: „%2&quot; ist kein Datum (JJJJ-MM-TT).</translation>
        </message>
        <message>
            <source>Two scans have the date %1: one visit per date.</source>
            <translation>Zwei Aufnahmen haben das Datum %1: eine Untersuchung je Datum.</translation>
        </message>
        <message>
            <source>A course needs at least two dated visits.</source>
            <translation>Ein Verlauf braucht mindestens zwei datierte Untersuchungen.</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::PacsDialog</name>
        <message>
            <source>None of their series is named FLAIR: LesionDelta compares FLAIR scans, so choose BL and FU yourself only if you know they are.</source>
            <translation>Keine ihrer Serien heißt FLAIR: LesionDelta vergleicht FLAIR-Aufnahmen, daher BL und FU nur selbst wählen, wenn sie welche sind.</translation>
        </message>
        <message>
            <source>%1 is not named FLAIR; LesionDelta is made for FLAIR scans.</source>
            <translation>%1 heißt nicht FLAIR; LesionDelta ist für FLAIR-Aufnahmen gemacht.</translation>
        </message>
        <message>
            <source>Open all FLAIR visits as a course</source>
            <translation>Alle FLAIR-Besuche als Verlauf öffnen</translation>
        </message>
        <message>
            <source>Retrieves the FLAIR series of every study found and opens them as the patient&apos;s series</source>
            <translation>Lädt die FLAIR-Serie jeder gefundenen Studie und öffnet sie als Verlauf des Patienten</translation>
        </message>
        <message>
            <source>Retrieving %1 FLAIR visits...</source>
            <translation>%1 FLAIR-Besuche werden geladen...</translation>
        </message>
        <message>
            <source>Patient / modality</source>
            <translation>Patient / Modalität</translation>
        </message>
        <message>
            <source>Study of %1</source>
            <translation>Studie vom %1</translation>
        </message>
        <message>
            <source>Open from PACS</source>
            <translation>Aus dem PACS öffnen</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Verbindung testen</translation>
        </message>
        <message>
            <source>PACS AE title</source>
            <translation>AE-Titel des PACS</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>Host</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>Our AE title</source>
            <translation>Eigener AE-Titel</translation>
        </message>
        <message>
            <source>e.g. DOE^*</source>
            <translation>z. B. MUSTER^*</translation>
        </message>
        <message>
            <source>e.g. 20200101-20241231</source>
            <translation>z. B. 20200101-20241231</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Suchen</translation>
        </message>
        <message>
            <source>Patient name</source>
            <translation>Patientenname</translation>
        </message>
        <message>
            <source>Patient ID</source>
            <translation>Patienten-ID</translation>
        </message>
        <message>
            <source>Study dates</source>
            <translation>Studiendatum</translation>
        </message>
        <message>
            <source>Study / series</source>
            <translation>Studie / Serie</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>Bilder</translation>
        </message>
        <message>
            <source>Patient</source>
            <translation>Patient</translation>
        </message>
        <message>
            <source>Use as BL</source>
            <translation>Als BL verwenden</translation>
        </message>
        <message>
            <source>Use as FU</source>
            <translation>Als FU verwenden</translation>
        </message>
        <message>
            <source>Retrieve and open</source>
            <translation>Abrufen und öffnen</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Abgebrochen.</translation>
        </message>
        <message>
            <source>Testing the connection...</source>
            <translation>Verbindung wird getestet...</translation>
        </message>
        <message>
            <source>The PACS %1 answers.</source>
            <translation>Das PACS %1 antwortet.</translation>
        </message>
        <message>
            <source>Give a patient name or ID to search for.</source>
            <translation>Geben Sie einen Patientennamen oder eine Patienten-ID für die Suche an.</translation>
        </message>
        <message>
            <source>Searching...</source>
            <translation>Suche läuft...</translation>
        </message>
        <message>
            <source>No study found.</source>
            <translation>Keine Studie gefunden.</translation>
        </message>
        <message>
            <source>1 study found.</source>
            <translation>1 Studie gefunden.</translation>
        </message>
        <message>
            <source>%1 studies found.</source>
            <translation>%1 Studien gefunden.</translation>
        </message>
        <message>
            <source>  (FLAIR)</source>
            <translation>  (FLAIR)</translation>
        </message>
        <message>
            <source>BL: %1   FU: %2</source>
            <translation>BL: %1   FU: %2</translation>
        </message>
        <message>
            <source>(choose)</source>
            <translation>(auswählen)</translation>
        </message>
        <message>
            <source>Choose two different series as BL and FU.</source>
            <translation>Wählen Sie zwei verschiedene Serien als BL und FU.</translation>
        </message>
        <message>
            <source>Retrieving BL and FU...</source>
            <translation>BL und FU werden abgerufen...</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::PacsSender</name>
        <message>
            <source>measurements</source>
            <translation>Messwerte</translation>
        </message>
        <message>
            <source>Sending the results to PACS %1 ...</source>
            <translation>Die Ergebnisse werden an das PACS %1 gesendet ...</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Send results to PACS</source>
            <translation>Ergebnisse an das PACS senden</translation>
        </message>
        <message>
            <source>Writing the report ...</source>
            <translation>Der Bericht wird geschrieben ...</translation>
        </message>
        <message>
            <source>Writing the DICOM objects ...</source>
            <translation>Die DICOM-Objekte werden geschrieben ...</translation>
        </message>
        <message>
            <source>Sending to PACS %1 ...</source>
            <translation>Senden an das PACS %1 ...</translation>
        </message>
        <message>
            <source>report</source>
            <translation>Bericht</translation>
        </message>
        <message>
            <source>%1 outline images</source>
            <translation>%1 Umrissbilder</translation>
        </message>
        <message>
            <source>Sent %1 DICOM objects (%2) to PACS %3</source>
            <translation>%1 DICOM-Objekte (%2) an das PACS %3 gesendet</translation>
        </message>
    </context>
</TS>
