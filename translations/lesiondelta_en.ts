<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>CohortReport</name>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="38" />
            <location filename="../report/src/CohortReport.cpp" line="191" />
            <location filename="../report/src/CohortReport.cpp" line="213" />
            <source>Sensitivity</source>
            <translation>Sensitivity</translation>
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
            <translation>FP count (log)</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="41" />
            <source>FPR (log)</source>
            <translation>FPR (log)</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="147" />
            <source>LesionDelta cohort report</source>
            <translation>LesionDelta cohort report</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="148" />
            <source>Cohort report: CNN, LST and raters</source>
            <translation>Cohort report: CNN, LST and raters</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="149" />
            <source>%1 cases listed, %2 used. %3. LesionDelta %4.</source>
            <translation>%1 cases listed, %2 used. %3. LesionDelta %4.</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="153" />
            <source>Per case, each method is compared with every rater and the figures are averaged over the raters; IR (inter-rater) compares every rater with every other rater. Lesion-wise metrics as in Krueger et al. 2020: sensitivity = found reference lesions / reference lesions; Dice over matched lesions only; FP = predicted lesions overlapping no reference lesion; FPR = FP / reference lesions. Cases without reference lesions count for the FP count only. Boxes: quartiles and median, whiskers to 1.5 IQR; dots: cases; on log axes zeros are drawn at 0.05.</source>
            <translation>Per case, each method is compared with every rater and the figures are averaged over the raters; IR (inter-rater) compares every rater with every other rater. Lesion-wise metrics as in Krueger et al. 2020: sensitivity = found reference lesions / reference lesions; Dice over matched lesions only; FP = predicted lesions overlapping no reference lesion; FPR = FP / reference lesions. Cases without reference lesions count for the FP count only. Boxes: quartiles and median, whiskers to 1.5 IQR; dots: cases; on log axes zeros are drawn at 0.05.</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="173" />
            <source>Mean ± sd over cases (Table 2 of the paper)</source>
            <translation>Mean ± sd over cases (Table 2 of the paper)</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="191" />
            <location filename="../report/src/CohortReport.cpp" line="213" />
            <source>Method</source>
            <translation>Method</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="191" />
            <location filename="../report/src/CohortReport.cpp" line="213" />
            <source>FP count</source>
            <translation>FP count</translation>
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
            <translation>p: two-sided Wilcoxon signed-rank test against IR over the cases where both are defined; * and shading: p &lt; 0.05.</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="196" />
            <source>Per-case figures</source>
            <translation>Per-case figures</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="213" />
            <source>Case</source>
            <translation>Case</translation>
        </message>
        <message>
            <location filename="../report/src/CohortReport.cpp" line="216" />
            <source>Skipped cases</source>
            <translation>Skipped cases</translation>
        </message>
    </context>
    <context>
        <name>PatientReport</name>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="35" />
            <source>Patient: anonymised</source>
            <translation>Patient: anonymised</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="36" />
            <source>Patient: %1</source>
            <translation>Patient: %1</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="41" />
            <source> (interval %1 days)</source>
            <translation> (interval %1 days)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="43" />
            <source>Scan interval%1</source>
            <translation>Scan interval%1</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="43" />
            <source>: unknown</source>
            <translation>: unknown</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="44" />
            <source>Baseline %1, follow-up %2%3</source>
            <translation>Baseline %1, follow-up %2%3</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="46" />
            <source>Scan dates: not recorded in the case folder</source>
            <translation>Scan dates: not recorded in the case folder</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="49" />
            <source>Scanner: %1  Sequence: %2</source>
            <translation>Scanner: %1  Sequence: %2</translation>
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
            <translation>Model: none (no CNN result)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="57" />
            <source>Model: %1, width %2, weights SHA-256 %3..., threshold %4</source>
            <translation>Model: %1, width %2, weights SHA-256 %3..., threshold %4</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="61" />
            <source>LesionDelta %1. %2</source>
            <translation>LesionDelta %1. %2</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="79" />
            <source>CNN only</source>
            <translation>CNN only</translation>
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
            <translation>Lesion</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="81" />
            <location filename="../report/src/PatientReport.cpp" line="173" />
            <source>Volume (ml)</source>
            <translation>Volume (ml)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="81" />
            <location filename="../report/src/PatientReport.cpp" line="173" />
            <source>Centroid L, P, S (mm)</source>
            <translation>Centroid L, P, S (mm)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="81" />
            <source>FU slice</source>
            <translation>FU slice</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="81" />
            <source>Mean CNN probability</source>
            <translation>Mean CNN probability</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="82" />
            <source>Found by</source>
            <translation>Found by</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="114" />
            <source>FU, S %1 mm</source>
            <translation>FU, S %1 mm</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="141" />
            <source>Lesion %1, BL</source>
            <translation>Lesion %1, BL</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="141" />
            <source>Lesion %1, FU (%2 ml)</source>
            <translation>Lesion %1, FU (%2 ml)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="148" />
            <source>Comparison of methods and raters</source>
            <translation>Comparison of methods and raters</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="153" />
            <source>Method / rater</source>
            <translation>Method / rater</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="153" />
            <source>Lesions (&gt;= 0.01 ml)</source>
            <translation>Lesions (&gt;= 0.01 ml)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="153" />
            <source>Total volume (ml)</source>
            <translation>Total volume (ml)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="163" />
            <source>Lesion-wise metrics (Krueger et al. 2020): a reference lesion is found when a predicted lesion overlaps it; a false positive (FP) is a predicted lesion overlapping no reference lesion; Dice is computed over matched lesions only; FPR = FP / reference lesions. '-' means undefined (no reference lesion).</source>
            <translation>Lesion-wise metrics (Krueger et al. 2020): a reference lesion is found when a predicted lesion overlaps it; a false positive (FP) is a predicted lesion overlapping no reference lesion; Dice is computed over matched lesions only; FPR = FP / reference lesions. '-' means undefined (no reference lesion).</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="168" />
            <source>Method</source>
            <translation>Method</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="168" />
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="168" />
            <source>Ref. lesions</source>
            <translation>Ref. lesions</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="168" />
            <source>Found</source>
            <translation>Found</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="168" />
            <source>FP</source>
            <translation>FP</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="168" />
            <source>Sensitivity</source>
            <translation>Sensitivity</translation>
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
            <translation>yes</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="189" />
            <source>Per-lesion concordance: every lesion of the union of all masks, and who marked it.</source>
            <translation>Per-lesion concordance: every lesion of the union of all masks, and who marked it.</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="194" />
            <source>Method. The follow-up (FU) scan is compared with the baseline (BL) after rigid registration of BL to FU. Both scans are resampled to 1 mm, corrected for intensity non-uniformity (N4) and standardised; a 3D convolutional network with two encoder paths (Krueger et al. 2020) gives each voxel a probability of being new or enlarged lesion tissue, searched within an automatically estimated brain region without its outermost few millimetres. Voxels above the model's threshold form lesions; lesions under 0.01 ml (about 3 mm across) are dropped. The shipped model was trained on synthetic BL/FU pairs made from real scans of other patients, not on this patient.
Limitations. FLAIR intensities are not quantitative: differences in scanner, coil or protocol between the visits can mimic or hide change. Lesions at the cortex, in the posterior fossa and near the edge of the brain estimate are less reliable, and lesions under the 0.01 ml rule are not reported. This report supports, and does not replace, the reading of the images by a qualified neuroradiologist or neurologist.</source>
            <translation>Method. The follow-up (FU) scan is compared with the baseline (BL) after rigid registration of BL to FU. Both scans are resampled to 1 mm, corrected for intensity non-uniformity (N4) and standardised; a 3D convolutional network with two encoder paths (Krueger et al. 2020) gives each voxel a probability of being new or enlarged lesion tissue, searched within an automatically estimated brain region without its outermost few millimetres. Voxels above the model's threshold form lesions; lesions under 0.01 ml (about 3 mm across) are dropped. The shipped model was trained on synthetic BL/FU pairs made from real scans of other patients, not on this patient.
Limitations. FLAIR intensities are not quantitative: differences in scanner, coil or protocol between the visits can mimic or hide change. Lesions at the cortex, in the posterior fossa and near the edge of the brain estimate are less reliable, and lesions under the 0.01 ml rule are not reported. This report supports, and does not replace, the reading of the images by a qualified neuroradiologist or neurologist.</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="211" />
            <source>No CNN result is available for this case.</source>
            <translation>No CNN result is available for this case.</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="215" />
            <source>Compared with baseline, the CNN found no new or enlarging FLAIR lesion of at least 0.01 ml.</source>
            <translation>Compared with baseline, the CNN found no new or enlarging FLAIR lesion of at least 0.01 ml.</translation>
        </message>
        <message numerus="yes">
            <location filename="../report/src/PatientReport.cpp" line="216" />
            <source>Compared with baseline, the CNN found %n new or enlarging FLAIR lesion(s) of at least 0.01 ml, %1 ml in total.</source>
            <translation>
                <numerusform>Compared with baseline, the CNN found %n new or enlarging FLAIR lesion of at least 0.01 ml, %1 ml in total.</numerusform>
                <numerusform>Compared with baseline, the CNN found %n new or enlarging FLAIR lesions of at least 0.01 ml, %1 ml in total.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="225" />
            <source>LesionDelta report (anonymised)</source>
            <translation>LesionDelta report (anonymised)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="226" />
            <source>LesionDelta report - %1</source>
            <translation>LesionDelta report - %1</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="228" />
            <source>LesionDelta follow-up report</source>
            <translation>LesionDelta follow-up report</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="231" />
            <source>New and enlarging MS lesions: follow-up report</source>
            <translation>New and enlarging MS lesions: follow-up report</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="232" />
            <source>Summary</source>
            <translation>Summary</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="234" />
            <source>Warning: %1</source>
            <translation>Warning: %1</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="236" />
            <source>New and enlarging lesions (CNN)</source>
            <translation>New and enlarging lesions (CNN)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="237" />
            <source>None.</source>
            <translation>None.</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="239" />
            <source>Overview: follow-up, CNN lesions outlined in green</source>
            <translation>Overview: follow-up, CNN lesions outlined in green</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="243" />
            <source>Lesions: baseline and follow-up (largest %1 of %2)</source>
            <translation>Lesions: baseline and follow-up (largest %1 of %2)</translation>
        </message>
        <message>
            <location filename="../report/src/PatientReport.cpp" line="248" />
            <source>Methods and limitations</source>
            <translation>Methods and limitations</translation>
        </message>
    </context>
    <context>
        <name>PdfDocument</name>
        <message>
            <location filename="../report/src/PdfDocument.cpp" line="59" />
            <source>Page %1 of %2</source>
            <translation>Page %1 of %2</translation>
        </message>
        <message>
            <location filename="../report/src/PdfDocument.cpp" line="60" />
            <source>Page %1</source>
            <translation>Page %1</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::AboutDialog</name>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="27" />
            <source>About LesionDelta</source>
            <translation>About LesionDelta</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="30" />
            <location filename="../app/gui/AboutDialog.cpp" line="34" />
            <location filename="../app/gui/AboutDialog.cpp" line="41" />
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="30" />
            <source>none installed</source>
            <translation>none installed</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="35" />
            <source>SHA-256 of the weights</source>
            <translation>SHA-256 of the weights</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="36" />
            <source>Network</source>
            <translation>Network</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="36" />
            <source>%1, base width %2, threshold %3</source>
            <translation>%1, base width %2, threshold %3</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="38" />
            <source>Trained on</source>
            <translation>Trained on</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="39" />
            <source>Trained</source>
            <translation>Trained</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="41" />
            <source>%1 cannot be read: %2</source>
            <translation>%1 cannot be read: %2</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="45" />
            <source>&lt;h2&gt;LesionDelta %1&lt;/h2&gt;&lt;p&gt;Detection and review of new and enlarging multiple-sclerosis lesions in follow-up FLAIR MRI, after Krueger et al., NeuroImage: Clinical 2020. For research and as a reading aid; not a certified medical device.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;LesionDelta %1&lt;/h2&gt;&lt;p&gt;Detection and review of new and enlarging multiple-sclerosis lesions in follow-up FLAIR MRI, after Krueger et al., NeuroImage: Clinical 2020. For research and as a reading aid; not a certified medical device.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="49" />
            <source>&lt;h3&gt;Libraries&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Libraries&lt;/h3&gt;</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="54" />
            <source>Bitstream Vera licence</source>
            <translation>Bitstream Vera licence</translation>
        </message>
        <message>
            <location filename="../app/gui/AboutDialog.cpp" line="55" />
            <source>&lt;h3&gt;Licence&lt;/h3&gt;&lt;p&gt;LesionDelta is free software under the GNU General Public License, version 3 or later (it links QCustomPlot, which is GPL-3.0). It comes with no warranty.&lt;/p&gt;&lt;h3&gt;Data&lt;/h3&gt;&lt;p&gt;The sample case and the scans the shipped model was trained on come from the Ljubljana MS lesion datasets (University of Ljubljana; Lesjak et al., Neuroinformatics 2016 and 2018), released under Creative Commons Attribution (CC BY). The model was trained only on synthetic pairs made from those scans.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Licence&lt;/h3&gt;&lt;p&gt;LesionDelta is free software under the GNU General Public License, version 3 or later (it links QCustomPlot, which is GPL-3.0). It comes with no warranty.&lt;/p&gt;&lt;h3&gt;Data&lt;/h3&gt;&lt;p&gt;The sample case and the scans the shipped model was trained on come from the Ljubljana MS lesion datasets (University of Ljubljana; Lesjak et al., Neuroinformatics 2016 and 2018), released under Creative Commons Attribution (CC BY). The model was trained only on synthetic pairs made from those scans.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::AnnotationController</name>
        <message>
            <location filename="../app/gui/AnnotationController.cpp" line="178" />
            <source>Lesion %1 accepted into %2's mask (%3 voxels)</source>
            <translation>Lesion %1 accepted into %2's mask (%3 voxels)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationController.cpp" line="184" />
            <source>Lesion %1 rejected</source>
            <translation>Lesion %1 rejected</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationController.cpp" line="212" />
            <source>Saved %1</source>
            <translation>Saved %1</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationController.cpp" line="261" />
            <source>The recovery copy could not be written: %1</source>
            <translation>The recovery copy could not be written: %1</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::AnnotationPanel</name>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="26" />
            <source>Annotate as rater...</source>
            <translation>Annotate as rater...</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="35" />
            <source>Navigate (V)</source>
            <translation>Navigate (V)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="35" />
            <source>Paint (B)</source>
            <translation>Paint (B)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="36" />
            <source>Erase (E)</source>
            <translation>Erase (E)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="36" />
            <source>ROI threshold (I)</source>
            <translation>ROI threshold (I)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="37" />
            <source>Erase lesion (K)</source>
            <translation>Erase lesion (K)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="53" />
            <source> mm</source>
            <translation> mm</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="54" />
            <source>radius </source>
            <translation>radius </translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="56" />
            <source>3D sphere</source>
            <translation>3D sphere</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="64" />
            <source>ROI threshold (also Shift+wheel over a view)</source>
            <translation>ROI threshold (also Shift+wheel over a view)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="66" />
            <source>Apply ROI (Enter)</source>
            <translation>Apply ROI (Enter)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="67" />
            <source>Cancel ROI</source>
            <translation>Cancel ROI</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="86" />
            <source>threshold %1</source>
            <translation>threshold %1</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="86" />
            <source>draw an ROI</source>
            <translation>draw an ROI</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="89" />
            <source>Accept lesion (Y)</source>
            <translation>Accept lesion (Y)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="90" />
            <source>Reject lesion (X)</source>
            <translation>Reject lesion (X)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="91" />
            <source>Undo</source>
            <translation>Undo</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="92" />
            <source>Redo</source>
            <translation>Redo</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="93" />
            <source>Save rater mask</source>
            <translation>Save rater mask</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="111" />
            <source>Lesion</source>
            <translation>Lesion</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="111" />
            <source>Volume (ml)</source>
            <translation>Volume (ml)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="111" />
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="113" />
            <source>The rater's lesions (26-connected). Lesions under 0.01 ml (3 mm) are not counted in comparisons. Double-click to go to a lesion.</source>
            <translation>The rater's lesions (26-connected). Lesions under 0.01 ml (3 mm) are not counted in comparisons. Double-click to go to a lesion.</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="115" />
            <source>Lesions of this rater's mask:</source>
            <translation>Lesions of this rater's mask:</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="138" />
            <source>under 0.01 ml: not counted</source>
            <translation>under 0.01 ml: not counted</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="157" />
            <source>Rater: &lt;b&gt;%1&lt;/b&gt;%2</source>
            <translation>Rater: &lt;b&gt;%1&lt;/b&gt;%2</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="159" />
            <source> (unsaved edits)</source>
            <translation> (unsaved edits)</translation>
        </message>
        <message>
            <location filename="../app/gui/AnnotationPanel.cpp" line="160" />
            <source>Not annotating.</source>
            <translation>Not annotating.</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::CaseSession</name>
        <message>
            <source>Results saved with the case; the earlier ones are kept in %1</source>
            <translation>Results saved with the case; the earlier ones are kept in %1</translation>
        </message>
        <message>
            <location filename="../app/gui/CaseSession.cpp" line="301" />
            <source>CNN new/enlarged</source>
            <translation>CNN new/enlarged</translation>
        </message>
        <message>
            <location filename="../app/gui/CaseSession.cpp" line="301" />
            <source>LST increase</source>
            <translation>LST increase</translation>
        </message>
        <message>
            <location filename="../app/gui/CaseSession.cpp" line="301" />
            <source>Rater %1</source>
            <translation>Rater %1</translation>
        </message>
        <message>
            <location filename="../app/gui/CaseSession.cpp" line="301" />
            <source>Rater (editing): %1</source>
            <translation>Rater (editing): %1</translation>
        </message>
        <message>
            <location filename="../app/gui/CaseSession.cpp" line="301" />
            <source>ROI</source>
            <translation>ROI</translation>
        </message>
        <message>
            <location filename="../app/gui/CaseSession.cpp" line="301" />
            <source>ROI preview</source>
            <translation>ROI preview</translation>
        </message>
        <message>
            <location filename="../app/gui/CaseSession.cpp" line="199" />
            <source>Some parts of the case could not be loaded:
%1</source>
            <translation>Some parts of the case could not be loaded:
%1</translation>
        </message>
        <message>
            <location filename="../app/gui/CaseSession.cpp" line="227" />
            <source>The results could not be saved with the case: %1</source>
            <translation>The results could not be saved with the case: %1</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::LayerPanel</name>
        <message>
            <source>Outline</source>
            <translation>Outline</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Layer</translation>
        </message>
        <message>
            <source>Draw the layer&apos;s outline instead of filling it (on BL every layer is outlined unless View &gt; Overlays on BL as outlines is off)</source>
            <translation>Draw the layer&apos;s outline instead of filling it (on BL every layer is outlined unless View &gt; Overlays on BL as outlines is off)</translation>
        </message>
        <message>
            <source>Probabilities below this are not coloured</source>
            <translation>Probabilities below this are not coloured</translation>
        </message>
        <message>
            <source>from</source>
            <translation>from</translation>
        </message>
        <message>
            <location filename="../app/gui/LayerPanel.cpp" line="18" />
            <source>Overlays</source>
            <translation>Overlays</translation>
        </message>
        <message>
            <location filename="../app/gui/LayerPanel.cpp" line="22" />
            <source>CNN</source>
            <translation>CNN</translation>
        </message>
        <message>
            <location filename="../app/gui/LayerPanel.cpp" line="24" />
            <source>Probability heat map (H)</source>
            <translation>Probability heat map (H)</translation>
        </message>
        <message>
            <location filename="../app/gui/LayerPanel.cpp" line="28" />
            <source>Threshold</source>
            <translation>Threshold</translation>
        </message>
        <message>
            <location filename="../app/gui/LayerPanel.cpp" line="33" />
            <source>Probability at or above which a voxel is marked (default 0.40)</source>
            <translation>Probability at or above which a voxel is marked (default 0.40)</translation>
        </message>
        <message>
            <location filename="../app/gui/LayerPanel.cpp" line="74" />
            <source>No overlays yet: run detection (Ctrl+D) or add a mask.</source>
            <translation>No overlays yet: run detection (Ctrl+D) or add a mask.</translation>
        </message>
        <message>
            <location filename="../app/gui/LayerPanel.cpp" line="86" />
            <source>outline</source>
            <translation>outline</translation>
        </message>
        <message>
            <location filename="../app/gui/LayerPanel.cpp" line="92" />
            <source>Opacity</source>
            <translation>Opacity</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::MainWindow</name>
        <message>
            <source>The CNN&apos;s result (threshold %1)</source>
            <translation>The CNN&apos;s result (threshold %1)</translation>
        </message>
        <message>
            <source>Which lesion mask goes to the PACS?</source>
            <translation>Which lesion mask goes to the PACS?</translation>
        </message>
        <message>
            <source>There is no such lesion mask to send.</source>
            <translation>There is no such lesion mask to send.</translation>
        </message>
        <message>
            <source>Send to PACS %1, into the follow-up&apos;s study:
- the new/enlarging lesion mask (DICOM Segmentation),
- the lesions&apos; volumes (DICOM measurement report),
- the patient report (PDF, with the patient&apos;s name and ID),
- the follow-up slices with the lesions outlined (marked: not for diagnosis)?</source>
            <translation>Send to PACS %1, into the follow-up&apos;s study:
- the new/enlarging lesion mask (DICOM Segmentation),
- the lesions&apos; volumes (DICOM measurement report),
- the patient report (PDF, with the patient&apos;s name and ID),
- the follow-up slices with the lesions outlined (marked: not for diagnosis)?</translation>
        </message>
        <message>
            <source>There are no results to send yet: detect new lesions first.</source>
            <translation>There are no results to send yet: detect new lesions first.</translation>
        </message>
        <message>
            <source>The follow-up %1 was not opened from DICOM. Results go to the PACS only for scans opened from a DICOM folder or from the PACS: their objects must refer to the follow-up&apos;s images.</source>
            <translation>The follow-up %1 was not opened from DICOM. Results go to the PACS only for scans opened from a DICOM folder or from the PACS: their objects must refer to the follow-up&apos;s images.</translation>
        </message>
        <message>
            <source>No PACS is set up yet. Enter it in File &gt; Open from PACS and test the connection; it is remembered once it answers.</source>
            <translation>No PACS is set up yet. Enter it in File &gt; Open from PACS and test the connection; it is remembered once it answers.</translation>
        </message>
        <message>
            <source>Send results to PACS</source>
            <translation>Send results to PACS</translation>
        </message>
        <message>
            <source>Send results to PACS...</source>
            <translation>Send results to PACS...</translation>
        </message>
        <message>
            <source>The results could not be prepared for the PACS: %1</source>
            <translation>The results could not be prepared for the PACS: %1</translation>
        </message>
        <message>
            <source>The results were not sent to the PACS: %1</source>
            <translation>The results were not sent to the PACS: %1</translation>
        </message>
        <message>
            <source>Sending to the PACS cancelled</source>
            <translation>Sending to the PACS cancelled</translation>
        </message>
        <message>
            <source>Open from PACS...</source>
            <translation>Open from PACS...</translation>
        </message>
        <message>
            <source>Open patient series...</source>
            <translation>Open patient series...</translation>
        </message>
        <message>
            <source>Course</source>
            <translation>Course</translation>
        </message>
        <message>
            <source>BL side: %1, FU side: %2</source>
            <translation>BL side: %1, FU side: %2</translation>
        </message>
        <message>
            <source>Open patient series</source>
            <translation>Open patient series</translation>
        </message>
        <message>
            <source>LesionDelta - %1 (series of %2 visits)</source>
            <translation>LesionDelta - %1 (series of %2 visits)</translation>
        </message>
        <message>
            <source>Parts of the series could not be used:
%1</source>
            <translation>Parts of the series could not be used:
%1</translation>
        </message>
        <message>
            <source>The results on screen differ from those saved with the case (a new detection or a changed threshold). Save them with the case before they are closed?</source>
            <translation>The results on screen differ from those saved with the case (a new detection or a changed threshold). Save them with the case before they are closed?</translation>
        </message>
        <message>
            <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+left drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;measure a distance in mm&lt;/td&gt;&lt;/tr&gt;</source>
            <translation>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+left drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;measure a distance in mm&lt;/td&gt;&lt;/tr&gt;</translation>
        </message>
        <message>
            <source>%1 %2% (%3 s)</source>
            <translation>%1 %2% (%3 s)</translation>
        </message>
        <message>
            <source>preprocessing</source>
            <translation>preprocessing</translation>
        </message>
        <message>
            <source>registration</source>
            <translation>registration</translation>
        </message>
        <message>
            <source>CNN</source>
            <translation>CNN</translation>
        </message>
        <message>
            <source>lesions</source>
            <translation>lesions</translation>
        </message>
        <message>
            <source>done</source>
            <translation>done</translation>
        </message>
        <message>
            <source>Overlays on BL as outlines</source>
            <translation>Overlays on BL as outlines</translation>
        </message>
        <message>
            <source>Three planes (BL above FU)</source>
            <translation>Three planes (BL above FU)</translation>
        </message>
        <message>
            <source>CPU (%1 threads)</source>
            <translation>CPU (%1 threads)</translation>
        </message>
        <message>
            <source>Crosshair</source>
            <translation>Crosshair</translation>
        </message>
        <message>
            <source>The detection&apos;s results were not saved.</source>
            <translation>The detection&apos;s results were not saved.</translation>
        </message>
        <message>
            <source>Unsaved detection</source>
            <translation>Unsaved detection</translation>
        </message>
        <message>
            <source>The detection&apos;s results have not been saved anywhere. Save them before they are closed?</source>
            <translation>The detection&apos;s results have not been saved anywhere. Save them before they are closed?</translation>
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
            <translation>Registering BL to FU...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="77" />
            <source>Report written: %1 (%2 pages, %3 s)</source>
            <translation>Report written: %1 (%2 pages, %3 s)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="80" />
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="81" />
            <source>Report cancelled; nothing was written</source>
            <translation>Report cancelled; nothing was written</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="120" />
            <source>Lesions</source>
            <translation>Lesions</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="125" />
            <source>Annotate</source>
            <translation>Annotate</translation>
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
            <translation>The 3D view needs OpenGL, which this display does not offer.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="161" />
            <location filename="../app/gui/MainWindow.cpp" line="298" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="206" />
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="207" />
            <source>Open BL and FU scans...</source>
            <translation>Open BL and FU scans...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="208" />
            <source>Open BL and FU DICOM folders...</source>
            <translation>Open BL and FU DICOM folders...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="209" />
            <source>Open case folder...</source>
            <translation>Open case folder...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="210" />
            <source>Recent cases</source>
            <translation>Recent cases</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="213" />
            <source>Add LST output...</source>
            <translation>Add LST output...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="214" />
            <source>Add rater mask...</source>
            <translation>Add rater mask...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="215" />
            <source>Save results to folder...</source>
            <translation>Save results to folder...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="216" />
            <source>Export patient report (PDF)...</source>
            <translation>Export patient report (PDF)...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="218" />
            <source>Anonymise reports</source>
            <translation>Anonymise reports</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="223" />
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="226" />
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="228" />
            <source>Axial</source>
            <translation>Axial</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="229" />
            <source>Coronal</source>
            <translation>Coronal</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="230" />
            <source>Sagittal</source>
            <translation>Sagittal</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="239" />
            <source>Next slice</source>
            <translation>Next slice</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="240" />
            <source>Previous slice</source>
            <translation>Previous slice</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="241" />
            <source>Forward 5 slices</source>
            <translation>Forward 5 slices</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="242" />
            <source>Back 5 slices</source>
            <translation>Back 5 slices</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="243" />
            <source>Zoom in</source>
            <translation>Zoom in</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="244" />
            <source>Zoom out</source>
            <translation>Zoom out</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="245" />
            <source>Reset view</source>
            <translation>Reset view</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="247" />
            <source>Toggle BL/FU in the FU view</source>
            <translation>Toggle BL/FU in the FU view</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="248" />
            <source>Shows BL in the FU view at identical geometry and window (T)</source>
            <translation>Shows BL in the FU view at identical geometry and window (T)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="249" />
            <source>Flicker</source>
            <translation>Flicker</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="254" />
            <source>Flicker rate</source>
            <translation>Flicker rate</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="257" />
            <source>%1 Hz</source>
            <translation>%1 Hz</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="268" />
            <source>Window: automatic</source>
            <translation>Window: automatic</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="269" />
            <source>Window: lesion contrast</source>
            <translation>Window: lesion contrast</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="270" />
            <source>Window: wide</source>
            <translation>Window: wide</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="271" />
            <source>Link windows (same relative window)</source>
            <translation>Link windows (same relative window)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="277" />
            <source>CNN overlay: fill/outline</source>
            <translation>CNN overlay: fill/outline</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="282" />
            <source>CNN overlay: show/hide</source>
            <translation>CNN overlay: show/hide</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="287" />
            <source>Probability heat map</source>
            <translation>Probability heat map</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="291" />
            <source>Next lesion</source>
            <translation>Next lesion</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="292" />
            <source>Previous lesion</source>
            <translation>Previous lesion</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="296" />
            <source>&amp;Analysis</source>
            <translation>&amp;Analysis</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="297" />
            <source>Detect new lesions</source>
            <translation>Detect new lesions</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="300" />
            <source>A&amp;nnotate</source>
            <translation>A&amp;nnotate</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="302" />
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="303" />
            <source>Welcome and tour</source>
            <translation>Welcome and tour</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="304" />
            <location filename="../app/gui/MainWindowFiles.cpp" line="172" />
            <source>Keyboard shortcuts</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="305" />
            <source>About LesionDelta</source>
            <translation>About LesionDelta</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="307" />
            <source>Main</source>
            <translation>Main</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="309" />
            <source>Open case</source>
            <translation>Open case</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="320" />
            <source>Give both scans: BL and FU.</source>
            <translation>Give both scans: BL and FU.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="324" />
            <location filename="../app/gui/MainWindow.cpp" line="334" />
            <location filename="../app/gui/MainWindow.cpp" line="354" />
            <source>Please wait for the running task to finish or cancel it.</source>
            <translation>Please wait for the running task to finish or cancel it.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="328" />
            <location filename="../app/gui/MainWindow.cpp" line="343" />
            <source>loading</source>
            <translation>loading</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="348" />
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="72" />
            <source>Open a case first (File &gt; Open).</source>
            <translation>Open a case first (File &gt; Open).</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="357" />
            <source>starting</source>
            <translation>starting</translation>
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
            <translation>%1 lesions | %2</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="446" />
            <source>%1 lesions</source>
            <translation>%1 lesions</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="456" />
            <source>Open a case: File &gt; Open, or drop BL and FU files or a case folder here.</source>
            <translation>Open a case: File &gt; Open, or drop BL and FU files or a case folder here.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="463" />
            <source>voxel (%1, %2, %3)   LPS (%4, %5, %6) mm   BL %7   FU %8</source>
            <translation>voxel (%1, %2, %3)   LPS (%4, %5, %6) mm   BL %7   FU %8</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="487" />
            <source>Unsaved annotation</source>
            <translation>Unsaved annotation</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="488" />
            <source>The rater mask has unsaved edits. Save them before closing?</source>
            <translation>The rater mask has unsaved edits. Save them before closing?</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindow.cpp" line="526" />
            <source>Drop a case folder, or exactly two scans (BL first by name, then FU).</source>
            <translation>Drop a case folder, or exactly two scans (BL first by name, then FU).</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="46" />
            <source>Annotate as rater...</source>
            <translation>Annotate as rater...</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="47" />
            <source>Navigate</source>
            <translation>Navigate</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="48" />
            <source>Paint brush</source>
            <translation>Paint brush</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="49" />
            <source>Eraser</source>
            <translation>Eraser</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="50" />
            <source>ROI-threshold brush</source>
            <translation>ROI-threshold brush</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="51" />
            <source>Erase this lesion</source>
            <translation>Erase this lesion</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="58" />
            <source>Apply ROI</source>
            <translation>Apply ROI</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="59" />
            <source>Accept selected CNN lesion</source>
            <translation>Accept selected CNN lesion</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="62" />
            <source>Reject selected CNN lesion</source>
            <translation>Reject selected CNN lesion</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="65" />
            <source>Undo</source>
            <translation>Undo</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="66" />
            <source>Redo</source>
            <translation>Redo</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="67" />
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="109" />
            <source>Save rater mask</source>
            <translation>Save rater mask</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="78" />
            <source>Rater</source>
            <translation>Rater</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="78" />
            <source>Your name or rater code (remembered):</source>
            <translation>Your name or rater code (remembered):</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="87" />
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="130" />
            <source>Recover annotation</source>
            <translation>Recover annotation</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="88" />
            <source>Unsaved edits of %1 on this case were kept after the program ended unexpectedly. Restore them?</source>
            <translation>Unsaved edits of %1 on this case were kept after the program ended unexpectedly. Restore them?</translation>
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
            <translation>The rater mask could not be saved; your edits are kept in memory and in the recovery copy.
%1</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="131" />
            <source>LesionDelta ended without saving the annotation of %1 on %2 (last kept %3).
Open that case and restore the edits?</source>
            <translation>LesionDelta ended without saving the annotation of %1 on %2 (last kept %3).
Open that case and restore the edits?</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="134" />
            <source>Open and restore</source>
            <translation>Open and restore</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="135" />
            <source>Later</source>
            <translation>Later</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="136" />
            <source>Discard the edits</source>
            <translation>Discard the edits</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowAnnotation.cpp" line="137" />
            <source>%1 more recovery copies are kept.</source>
            <translation>%1 more recovery copies are kept.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="52" />
            <source>Images (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd);;All files (*)</source>
            <translation>Images (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd);;All files (*)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="53" />
            <source>Baseline (BL) scan</source>
            <translation>Baseline (BL) scan</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="55" />
            <source>Follow-up (FU) scan</source>
            <translation>Follow-up (FU) scan</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="63" />
            <source>Case folder</source>
            <translation>Case folder</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="80" />
            <source>%1 holds no DICOM series.</source>
            <translation>%1 holds no DICOM series.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="87" />
            <source>%1 (%2, %3 files) %4</source>
            <translation>%1 (%2, %3 files) %4</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="90" />
            <source>Choose the %1 series</source>
            <translation>Choose the %1 series</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="91" />
            <source>%1 holds several series:</source>
            <translation>%1 holds several series:</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="98" />
            <source>Baseline (BL) DICOM folder</source>
            <translation>Baseline (BL) DICOM folder</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="101" />
            <source>BL</source>
            <translation>BL</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="103" />
            <source>Follow-up (FU) DICOM folder</source>
            <translation>Follow-up (FU) DICOM folder</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="105" />
            <source>FU</source>
            <translation>FU</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="112" />
            <source>LST output (labels, 3 = increase)</source>
            <translation>LST output (labels, 3 = increase)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="112" />
            <source>Rater mask</source>
            <translation>Rater mask</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="114" />
            <source>Images (*.nii *.nii.gz *.nrrd *.mha);;All files (*)</source>
            <translation>Images (*.nii *.nii.gz *.nrrd *.mha);;All files (*)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="126" />
            <source>There are no results to save yet.</source>
            <translation>There are no results to save yet.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="129" />
            <source>Save results into</source>
            <translation>Save results into</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="133" />
            <source>Saved to %1</source>
            <translation>Saved to %1</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="141" />
            <source>Open a case before exporting a report.</source>
            <translation>Open a case before exporting a report.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="147" />
            <source>Export patient report</source>
            <translation>Export patient report</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="147" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="168" />
            <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Left click / drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;set the cursor in both views&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Right drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;window (left/right) and level (up/down)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Middle or Shift+left drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;pan&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Wheel / Ctrl+wheel&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;slice / zoom&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
            <translation>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Left click / drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;set the cursor in both views&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Right drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;window (left/right) and level (up/down)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Middle or Shift+left drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;pan&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Wheel / Ctrl+wheel&lt;/b&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;slice / zoom&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="200" />
            <source>Theme</source>
            <translation>Theme</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="202" />
            <location filename="../app/gui/MainWindowFiles.cpp" line="217" />
            <source>As the system</source>
            <translation>As the system</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="202" />
            <source>Light</source>
            <translation>Light</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="202" />
            <source>Dark</source>
            <translation>Dark</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="212" />
            <location filename="../app/gui/MainWindowFiles.cpp" line="219" />
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="219" />
            <source>The new language applies from the next start of LesionDelta.</source>
            <translation>The new language applies from the next start of LesionDelta.</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="236" />
            <source>&lt;b&gt;CNN result unreliable.&lt;/b&gt; %1</source>
            <translation>&lt;b&gt;CNN result unreliable.&lt;/b&gt; %1</translation>
        </message>
        <message>
            <location filename="../app/gui/MainWindowFiles.cpp" line="236" />
            <source>&lt;b&gt;Please check:&lt;/b&gt; %1</source>
            <translation>&lt;b&gt;Please check:&lt;/b&gt; %1</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::ReportExporter</name>
        <message>
            <location filename="../app/gui/ReportExporter.cpp" line="22" />
            <source>Writing the report %1 ...</source>
            <translation>Writing the report %1 ...</translation>
        </message>
        <message>
            <location filename="../app/gui/ReportExporter.cpp" line="24" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../app/gui/ReportExporter.cpp" line="23" />
            <source>Report</source>
            <translation>Report</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::WelcomeDialog</name>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="27" />
            <source>Welcome to LesionDelta</source>
            <translation>Welcome to LesionDelta</translation>
        </message>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="35" />
            <source>&lt;h2&gt;Welcome to LesionDelta&lt;/h2&gt;&lt;p&gt;LesionDelta compares a patient's baseline (BL) and follow-up (FU) FLAIR scans and finds the lesions that are new or enlarged at FU with a 3D convolutional network. You check them in coupled BL/FU views, correct them and export a PDF report.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Welcome to LesionDelta&lt;/h2&gt;&lt;p&gt;LesionDelta compares a patient's baseline (BL) and follow-up (FU) FLAIR scans and finds the lesions that are new or enlarged at FU with a 3D convolutional network. You check them in coupled BL/FU views, correct them and export a PDF report.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="45" />
            <source>Open the sample case</source>
            <translation>Open the sample case</translation>
        </message>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="48" />
            <source>The sample case is not installed.</source>
            <translation>The sample case is not installed.</translation>
        </message>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="49" />
            <source>Open a case folder...</source>
            <translation>Open a case folder...</translation>
        </message>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="50" />
            <source>Open BL and FU scans...</source>
            <translation>Open BL and FU scans...</translation>
        </message>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="71" />
            <source>&lt;h3&gt;A short tour&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Open&lt;/b&gt; a case folder (Ctrl+Shift+O), two scans (Ctrl+O) or two DICOM folders; you can also drop files on the window. BL is registered to FU in the background.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Detect&lt;/b&gt; new and enlarged lesions (Ctrl+D). They appear in green; the list on the right is sorted by volume.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Review&lt;/b&gt;: N and P go to the next and previous lesion, T shows BL in the FU view, F flickers between them, W and A set the window, L links the windows of both views, Up/Down and the wheel change the slice, 1/2/3 the plane.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Correct&lt;/b&gt; in the Annotate tab: accept or reject each CNN lesion, paint (B) and erase (E) with the brush; the annotation is saved with your name and kept safe against crashes.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Compare and report&lt;/b&gt;: add LST output and rater masks (File menu); export the patient report as PDF (Ctrl+E).&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;F1 lists every shortcut. The CNN's result supports, and does not replace, the reading of the images.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;A short tour&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Open&lt;/b&gt; a case folder (Ctrl+Shift+O), two scans (Ctrl+O) or two DICOM folders; you can also drop files on the window. BL is registered to FU in the background.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Detect&lt;/b&gt; new and enlarged lesions (Ctrl+D). They appear in green; the list on the right is sorted by volume.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Review&lt;/b&gt;: N and P go to the next and previous lesion, T shows BL in the FU view, F flickers between them, W and A set the window, L links the windows of both views, Up/Down and the wheel change the slice, 1/2/3 the plane.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Correct&lt;/b&gt; in the Annotate tab: accept or reject each CNN lesion, paint (B) and erase (E) with the brush; the annotation is saved with your name and kept safe against crashes.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Compare and report&lt;/b&gt;: add LST output and rater masks (File menu); export the patient report as PDF (Ctrl+E).&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;F1 lists every shortcut. The CNN's result supports, and does not replace, the reading of the images.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="92" />
            <source>Show this window at start</source>
            <translation>Show this window at start</translation>
        </message>
        <message>
            <location filename="../app/gui/WelcomeDialog.cpp" line="97" />
            <source>Close</source>
            <translation>Close</translation>
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
            <translation>Slice</translation>
        </message>
        <message>
            <source>p</source>
            <translation>p</translation>
        </message>
        <message>
            <source>Found by</source>
            <translation>Found by</translation>
        </message>
        <message>
            <source>Mean CNN probability inside the lesion</source>
            <translation>Mean CNN probability inside the lesion</translation>
        </message>
        <message>
            <source>Other layers that overlap the lesion</source>
            <translation>Other layers that overlap the lesion</translation>
        </message>
        <message>
            <location filename="../viewer/src/LesionNavigator.cpp" line="24" />
            <source>Lesion</source>
            <translation>Lesion</translation>
        </message>
        <message>
            <location filename="../viewer/src/LesionNavigator.cpp" line="24" />
            <source>Volume (ml)</source>
            <translation>Volume (ml)</translation>
        </message>
        <message>
            <location filename="../viewer/src/LesionNavigator.cpp" line="24" />
            <source>Centroid L/P/S (mm)</source>
            <translation>Centroid L/P/S (mm)</translation>
        </message>
        <message>
            <location filename="../viewer/src/LesionNavigator.cpp" line="24" />
            <source>Axial slice</source>
            <translation>Axial slice</translation>
        </message>
        <message>
            <location filename="../viewer/src/LesionNavigator.cpp" line="25" />
            <source>Mean prob.</source>
            <translation>Mean prob.</translation>
        </message>
        <message>
            <location filename="../viewer/src/LesionNavigator.cpp" line="25" />
            <source>Also found by</source>
            <translation>Also found by</translation>
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
            <translation>Slice (wheel, Up/Down, Page Up/Down)</translation>
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
            <translation>CNN probability</translation>
        </message>
        <message>
            <location filename="../viewer/src/SliceView.cpp" line="77" />
            <source>No case open</source>
            <translation>No case open</translation>
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
            <translation>coronal</translation>
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
            <translation>  (toggled)</translation>
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
            <translation>Window: the intensity span from black to white</translation>
        </message>
        <message>
            <source>Level: the intensity shown mid-grey</source>
            <translation>Level: the intensity shown mid-grey</translation>
        </message>
    </context>
    <context>
        <name>CourseReport</name>
        <message>
            <source>New</source>
            <translation>New</translation>
        </message>
        <message>
            <source>Enlarging again</source>
            <translation>Enlarging again</translation>
        </message>
        <message>
            <source>Lesions so far</source>
            <translation>Lesions so far</translation>
        </message>
        <message>
            <source>%1 d</source>
            <translation>%1 d</translation>
        </message>
        <message>
            <source>not measured</source>
            <translation>not measured</translation>
        </message>
        <message>
            <source>Lesions</source>
            <translation>Lesions</translation>
        </message>
        <message>
            <source>No new or enlarging T2 lesions since %1 (1 follow-up).</source>
            <translation>No new or enlarging T2 lesions since %1 (1 follow-up).</translation>
        </message>
        <message>
            <source>No new or enlarging T2 lesions since %1 (%2 follow-ups).</source>
            <translation>No new or enlarging T2 lesions since %1 (%2 follow-ups).</translation>
        </message>
        <message>
            <source>1 new or enlarging T2 lesion since %1</source>
            <translation>1 new or enlarging T2 lesion since %1</translation>
        </message>
        <message>
            <source>%1 new or enlarging T2 lesions since %2</source>
            <translation>%1 new or enlarging T2 lesions since %2</translation>
        </message>
        <message>
            <source>in 1 follow-up</source>
            <translation>in 1 follow-up</translation>
        </message>
        <message>
            <source>in %1 follow-ups</source>
            <translation>in %1 follow-ups</translation>
        </message>
        <message>
            <source>(%1 per year).</source>
            <translation>(%1 per year).</translation>
        </message>
        <message>
            <source>1 interval could not be measured.</source>
            <translation>1 interval could not be measured.</translation>
        </message>
        <message>
            <source>%1 intervals could not be measured.</source>
            <translation>%1 intervals could not be measured.</translation>
        </message>
        <message>
            <source>Course of %1</source>
            <translation>Course of %1</translation>
        </message>
        <message>
            <source>LesionDelta course report - %1</source>
            <translation>LesionDelta course report - %1</translation>
        </message>
        <message>
            <source>Course of %1: new and enlarging T2 lesions</source>
            <translation>Course of %1: new and enlarging T2 lesions</translation>
        </message>
        <message>
            <source>%1 visits, reference visit %2, rebaseline visit %3. %4. LesionDelta %5.</source>
            <translation>%1 visits, reference visit %2, rebaseline visit %3. %4. LesionDelta %5.</translation>
        </message>
        <message>
            <source>the classical subtraction detector</source>
            <translation>the classical subtraction detector</translation>
        </message>
        <message>
            <source>the CNN (%1)</source>
            <translation>the CNN (%1)</translation>
        </message>
        <message>
            <source>Each consecutive pair of visits was measured by %1; every lesion gets an identity at the visit where it first appears, and a later finding touching it (in the reference visit&apos;s space) is the same lesion enlarging again. Research software: not for diagnosis.</source>
            <translation>Each consecutive pair of visits was measured by %1; every lesion gets an identity at the visit where it first appears, and a later finding touching it (in the reference visit&apos;s space) is the same lesion enlarging again. Research software: not for diagnosis.</translation>
        </message>
        <message>
            <source>Intervals</source>
            <translation>Intervals</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>Days</translation>
        </message>
        <message>
            <source>ml</source>
            <translation>ml</translation>
        </message>
        <message>
            <source>Per year</source>
            <translation>Per year</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Lesion</source>
            <translation>Lesion</translation>
        </message>
        <message>
            <source>First seen</source>
            <translation>First seen</translation>
        </message>
        <message>
            <source>Enlarging again at</source>
            <translation>Enlarging again at</translation>
        </message>
        <message>
            <source>ml per interval</source>
            <translation>ml per interval</translation>
        </message>
        <message>
            <source>Visits left out</source>
            <translation>Visits left out</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::CourseTimeline</name>
        <message>
            <source>New</source>
            <translation>New</translation>
        </message>
        <message>
            <source>Enlarging again</source>
            <translation>Enlarging again</translation>
        </message>
        <message>
            <source>Lesions so far</source>
            <translation>Lesions so far</translation>
        </message>
        <message>
            <source>%1 d</source>
            <translation>%1 d</translation>
        </message>
        <message>
            <source>not measured</source>
            <translation>not measured</translation>
        </message>
        <message>
            <source>Lesions</source>
            <translation>Lesions</translation>
        </message>
        <message>
            <source>Click an interval to show its two visits.</source>
            <translation>Click an interval to show its two visits.</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::SeriesSession</name>
        <message>
            <source>New/enlarged %1</source>
            <translation>New/enlarged %1</translation>
        </message>
        <message>
            <source>Earlier: %1</source>
            <translation>Earlier: %1</translation>
        </message>
        <message>
            <source>new %1</source>
            <translation>new %1</translation>
        </message>
        <message>
            <source>enlarging %1</source>
            <translation>enlarging %1</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::VisitBar</name>
        <message>
            <source>The visit shown on the BL side</source>
            <translation>The visit shown on the BL side</translation>
        </message>
        <message>
            <source>The visit shown on the FU side</source>
            <translation>The visit shown on the FU side</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>Visits</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::SeriesDatesDialog</name>
        <message>
            <source>Dates of the visits</source>
            <translation>Dates of the visits</translation>
        </message>
        <message>
            <source>Some scans in %1 have no date in their names. Give each visit&apos;s acquisition date (YYYY-MM-DD); leave it empty to leave a file out. The dates are saved in series.json in that folder.</source>
            <translation>Some scans in %1 have no date in their names. Give each visit&apos;s acquisition date (YYYY-MM-DD); leave it empty to leave a file out. The dates are saved in series.json in that folder.</translation>
        </message>
        <message>
            <source>Scan</source>
            <translation>Scan</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>%1: &quot;%2&quot; is not a date (YYYY-MM-DD).</source>
            <translation>%1: &quot;%2&quot; is not a date (YYYY-MM-DD).</translation>
        </message>
        <message>
            <source>Two scans have the date %1: one visit per date.</source>
            <translation>Two scans have the date %1: one visit per date.</translation>
        </message>
        <message>
            <source>A course needs at least two dated visits.</source>
            <translation>A course needs at least two dated visits.</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::PacsDialog</name>
        <message>
            <source>None of their series is named FLAIR: LesionDelta compares FLAIR scans, so choose BL and FU yourself only if you know they are.</source>
            <translation>None of their series is named FLAIR: LesionDelta compares FLAIR scans, so choose BL and FU yourself only if you know they are.</translation>
        </message>
        <message>
            <source>%1 is not named FLAIR; LesionDelta is made for FLAIR scans.</source>
            <translation>%1 is not named FLAIR; LesionDelta is made for FLAIR scans.</translation>
        </message>
        <message>
            <source>Open all FLAIR visits as a course</source>
            <translation>Open all FLAIR visits as a course</translation>
        </message>
        <message>
            <source>Retrieves the FLAIR series of every study found and opens them as the patient&apos;s series</source>
            <translation>Retrieves the FLAIR series of every study found and opens them as the patient&apos;s series</translation>
        </message>
        <message>
            <source>Retrieving %1 FLAIR visits...</source>
            <translation>Retrieving %1 FLAIR visits...</translation>
        </message>
        <message>
            <source>Patient / modality</source>
            <translation>Patient / modality</translation>
        </message>
        <message>
            <source>Study of %1</source>
            <translation>Study of %1</translation>
        </message>
        <message>
            <source>Open from PACS</source>
            <translation>Open from PACS</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Test connection</translation>
        </message>
        <message>
            <source>PACS AE title</source>
            <translation>PACS AE title</translation>
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
            <translation>Our AE title</translation>
        </message>
        <message>
            <source>e.g. DOE^*</source>
            <translation>e.g. DOE^*</translation>
        </message>
        <message>
            <source>e.g. 20200101-20241231</source>
            <translation>e.g. 20200101-20241231</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>Patient name</source>
            <translation>Patient name</translation>
        </message>
        <message>
            <source>Patient ID</source>
            <translation>Patient ID</translation>
        </message>
        <message>
            <source>Study dates</source>
            <translation>Study dates</translation>
        </message>
        <message>
            <source>Study / series</source>
            <translation>Study / series</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>Images</translation>
        </message>
        <message>
            <source>Patient</source>
            <translation>Patient</translation>
        </message>
        <message>
            <source>Use as BL</source>
            <translation>Use as BL</translation>
        </message>
        <message>
            <source>Use as FU</source>
            <translation>Use as FU</translation>
        </message>
        <message>
            <source>Retrieve and open</source>
            <translation>Retrieve and open</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Cancelled.</translation>
        </message>
        <message>
            <source>Testing the connection...</source>
            <translation>Testing the connection...</translation>
        </message>
        <message>
            <source>The PACS %1 answers.</source>
            <translation>The PACS %1 answers.</translation>
        </message>
        <message>
            <source>Give a patient name or ID to search for.</source>
            <translation>Give a patient name or ID to search for.</translation>
        </message>
        <message>
            <source>Searching...</source>
            <translation>Searching...</translation>
        </message>
        <message>
            <source>No study found.</source>
            <translation>No study found.</translation>
        </message>
        <message>
            <source>1 study found.</source>
            <translation>1 study found.</translation>
        </message>
        <message>
            <source>%1 studies found.</source>
            <translation>%1 studies found.</translation>
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
            <translation>(choose)</translation>
        </message>
        <message>
            <source>Choose two different series as BL and FU.</source>
            <translation>Choose two different series as BL and FU.</translation>
        </message>
        <message>
            <source>Retrieving BL and FU...</source>
            <translation>Retrieving BL and FU...</translation>
        </message>
    </context>
    <context>
        <name>lesiondelta::gui::PacsSender</name>
        <message>
            <source>measurements</source>
            <translation>measurements</translation>
        </message>
        <message>
            <source>Sending the results to PACS %1 ...</source>
            <translation>Sending the results to PACS %1 ...</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Send results to PACS</source>
            <translation>Send results to PACS</translation>
        </message>
        <message>
            <source>Writing the report ...</source>
            <translation>Writing the report ...</translation>
        </message>
        <message>
            <source>Writing the DICOM objects ...</source>
            <translation>Writing the DICOM objects ...</translation>
        </message>
        <message>
            <source>Sending to PACS %1 ...</source>
            <translation>Sending to PACS %1 ...</translation>
        </message>
        <message>
            <source>report</source>
            <translation>report</translation>
        </message>
        <message>
            <source>%1 outline images</source>
            <translation>%1 outline images</translation>
        </message>
        <message>
            <source>Sent %1 DICOM objects (%2) to PACS %3</source>
            <translation>Sent %1 DICOM objects (%2) to PACS %3</translation>
        </message>
    </context>
</TS>
