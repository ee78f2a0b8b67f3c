#include "PacsDialog.h"

#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <memory>

#include "BackgroundTask.h"
#include "Settings.h"
#include "lesiondelta/core/Progress.h"
#include "lesiondelta/pacs/PacsVisits.h"

namespace lesiondelta::gui {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }

/// The node that answered, for the next time.
void remember(const pacs::PacsNode& n) {
    settings::setPacsNode(q(n.describe()));
    settings::setPacsOurAeTitle(q(n.ourAeTitle));
}

/// A DICOM date (20240312) as 2024-03-12; anything else as it is.
QString isoDate(const std::string& dicom) {
    const QDate d = QDate::fromString(q(dicom), QStringLiteral("yyyyMMdd"));
    return d.isValid() ? d.toString(Qt::ISODate) : q(dicom);
}
}  // namespace

PacsDialog::PacsDialog(QWidget* parent) : QDialog(parent), task_(new BackgroundTask(this)) {
    setObjectName("pacsDialog");
    setWindowTitle(tr("Open from PACS"));
    aeTitle_ = new QLineEdit(this);
    host_ = new QLineEdit(this);
    port_ = new QSpinBox(this);
    port_->setRange(1, 65535);
    ourAeTitle_ = new QLineEdit(this);
    for (auto* e : {aeTitle_, ourAeTitle_}) e->setMaxLength(16);
    test_ = new QPushButton(tr("Test connection"), this);
    auto* nodeForm = new QFormLayout;
    nodeForm->addRow(tr("PACS AE title"), aeTitle_);
    nodeForm->addRow(tr("Host"), host_);
    nodeForm->addRow(tr("Port"), port_);
    nodeForm->addRow(tr("Our AE title"), ourAeTitle_);
    nodeForm->addRow(QString(), test_);

    patientName_ = new QLineEdit(this);
    patientName_->setPlaceholderText(tr("e.g. DOE^*"));
    patientId_ = new QLineEdit(this);
    dates_ = new QLineEdit(this);
    dates_->setPlaceholderText(tr("e.g. 20200101-20241231"));
    find_ = new QPushButton(tr("Search"), this);
    auto* searchForm = new QFormLayout;
    searchForm->addRow(tr("Patient name"), patientName_);
    searchForm->addRow(tr("Patient ID"), patientId_);
    searchForm->addRow(tr("Study dates"), dates_);
    searchForm->addRow(QString(), find_);

    tree_ = new QTreeWidget(this);
    tree_->setHeaderLabels({tr("Study / series"), tr("Date"), tr("Images"), tr("Patient / modality")});
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    asBl_ = new QPushButton(tr("Use as BL"), this);
    asFu_ = new QPushButton(tr("Use as FU"), this);
    course_ = new QPushButton(tr("Open all FLAIR visits as a course"), this);
    course_->setToolTip(tr("Retrieves the FLAIR series of every study found and opens them as the patient's series"));
    course_->setEnabled(false);
    choice_ = new QLabel(this);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setObjectName("pacsStatus");
    progress_ = new QProgressBar(this);
    progress_->setVisible(false);
    auto* buttons = new QDialogButtonBox(this);
    open_ = buttons->addButton(tr("Retrieve and open"), QDialogButtonBox::AcceptRole);
    cancel_ = buttons->addButton(QDialogButtonBox::Cancel);

    auto* top = new QHBoxLayout;
    top->addLayout(nodeForm);
    top->addLayout(searchForm);
    auto* choose = new QHBoxLayout;
    choose->addWidget(asBl_);
    choose->addWidget(asFu_);
    choose->addWidget(choice_, 1);
    choose->addWidget(course_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(tree_, 1);
    layout->addLayout(choose);
    layout->addWidget(progress_);
    layout->addWidget(status_);
    layout->addWidget(buttons);
    resize(900, 600);

    pacs::PacsNode saved;
    try {
        saved = pacs::parseNode(settings::pacsNode().toStdString());
    } catch (const pacs::PacsError&) {
        saved.aeTitle = "ORTHANC", saved.port = 4242;
    }
    saved.ourAeTitle = settings::pacsOurAeTitle().toStdString();
    setNode(saved);

    connect(test_, &QPushButton::clicked, this, &PacsDialog::testConnection);
    connect(find_, &QPushButton::clicked, this, [this] {
        search({patientName_->text().trimmed().toStdString(), patientId_->text().trimmed().toStdString(),
                dates_->text().trimmed().toStdString()});
    });
    auto chooseSelected = [this](bool baseline) {
        const auto* item = tree_->currentItem();
        if (item && item->parent()) chooseSeries(item->data(0, Qt::UserRole).toString(), baseline);
    };
    connect(asBl_, &QPushButton::clicked, this, [chooseSelected] { chooseSelected(true); });
    connect(asFu_, &QPushButton::clicked, this, [chooseSelected] { chooseSelected(false); });
    connect(open_, &QPushButton::clicked, this, &PacsDialog::retrieve);
    connect(course_, &QPushButton::clicked, this, &PacsDialog::retrieveCourse);
    connect(cancel_, &QPushButton::clicked, this, [this] {
        if (task_->busy())
            task_->cancel();
        else
            reject();
    });
    auto* poll = new QTimer(this);  // the retrieval's progress, counted on the worker
    connect(poll, &QTimer::timeout, this, [this] {
        if (expected_ > 0) progress_->setRange(0, expected_), progress_->setValue(received_);
    });
    poll->start(100);
    showChoice();
}

PacsDialog::~PacsDialog() = default;

QString PacsDialog::cacheFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/pacs");
}

pacs::PacsNode PacsDialog::node() const {
    pacs::PacsNode n;
    n.aeTitle = aeTitle_->text().trimmed().toStdString();
    n.host = host_->text().trimmed().toStdString();
    n.port = port_->value();
    n.ourAeTitle = ourAeTitle_->text().trimmed().toStdString();
    return n;
}

void PacsDialog::setNode(const pacs::PacsNode& n) {
    aeTitle_->setText(q(n.aeTitle));
    host_->setText(q(n.host));
    port_->setValue(n.port);
    ourAeTitle_->setText(q(n.ourAeTitle));
}

bool PacsDialog::busy() const { return task_->busy(); }
QString PacsDialog::status() const { return status_->text(); }

void PacsDialog::run(const QString& doing, std::function<void()> work, std::function<void()> done) {
    if (task_->busy()) return;
    for (auto* b : {test_, find_, open_, course_}) b->setEnabled(false);
    status_->setText(doing);
    connect(
        task_, &BackgroundTask::finished, this,
        [this, done](BackgroundTask::Outcome outcome, const QString& message) {
            for (auto* b : {test_, find_}) b->setEnabled(true);
            progress_->setVisible(false);
            showChoice();
            if (outcome == BackgroundTask::Outcome::Done)
                done();
            else
                status_->setText(outcome == BackgroundTask::Outcome::Cancelled ? tr("Cancelled.") : message);
        },
        Qt::SingleShotConnection);
    task_->start(std::move(work));
}

void PacsDialog::testConnection() {
    const auto n = node();
    run(
        tr("Testing the connection..."), [n] { pacs::PacsClient(n).echo(); },
        [this, n] {
            remember(n);
            status_->setText(tr("The PACS %1 answers.").arg(q(n.describe())));
        });
}

void PacsDialog::search(const pacs::StudyQuery& query) {
    if (query.patientName.empty() && query.patientId.empty()) {
        status_->setText(tr("Give a patient name or ID to search for."));
        return;
    }
    const auto n = node();
    auto found = std::make_shared<std::vector<pacs::StudyInfo>>();
    run(
        tr("Searching..."), [n, query, found] { *found = pacs::PacsClient(n).findStudies(query); },
        [this, found, n] {
            remember(n);
            studies_ = *found;
            bl_ = fu_ = {};
            showStudies();
            showChoice();
            int flair = 0;
            for (const auto& st : studies_)
                for (const auto& se : st.series) flair += se.looksLikeFlair();
            QString text = studies_.empty()       ? tr("No study found.")
                           : studies_.size() == 1 ? tr("1 study found.")
                                                  : tr("%1 studies found.").arg(studies_.size());
            if (!studies_.empty() && flair == 0)
                text += QLatin1Char(' ') + tr("None of their series is named FLAIR: LesionDelta compares FLAIR "
                                              "scans, so choose BL and FU yourself only if you know they are.");
            status_->setText(text);
        });
}

void PacsDialog::showStudies() {
    tree_->clear();
    for (const auto& s : studies_) {
        auto* study = new QTreeWidgetItem(
            tree_, {s.description.empty() ? tr("Study of %1").arg(isoDate(s.date)) : q(s.description), isoDate(s.date),
                    QString(), q(s.patientName + " (" + s.patientId + ")")});
        study->setData(0, Qt::UserRole + 1, q(s.studyUid));
        for (const auto& se : s.series) {
            auto* item = new QTreeWidgetItem(study, {q(se.description), isoDate(se.date.empty() ? s.date : se.date),
                                                     QString::number(se.instances), q(se.modality)});
            item->setData(0, Qt::UserRole, q(se.seriesUid));
            item->setData(0, Qt::UserRole + 1, q(s.studyUid));
            if (se.looksLikeFlair()) {  // the scans LesionDelta compares: bold
                QFont bold = item->font(0);
                bold.setBold(true);
                item->setFont(0, bold);
            }
        }
        study->setExpanded(true);
    }
}

bool PacsDialog::chooseSeries(const QString& seriesUid, bool asBaseline) {
    for (const auto& s : studies_)
        for (const auto& se : s.series)
            if (q(se.seriesUid) == seriesUid) {
                Chosen chosen;
                chosen.study = q(s.studyUid);
                chosen.series = seriesUid;
                chosen.label = isoDate(s.date);
                chosen.label += QLatin1Char(' ');
                chosen.label += q(se.description);
                (asBaseline ? bl_ : fu_) = chosen;
                showChoice();
                status_->setText(
                    se.looksLikeFlair()
                        ? QString()
                        : tr("%1 is not named FLAIR; LesionDelta is made for FLAIR scans.").arg(q(se.description)));
                return true;
            }
    return false;
}

void PacsDialog::showChoice() {
    choice_->setText(
        tr("BL: %1   FU: %2")
            .arg(bl_.label.isEmpty() ? tr("(choose)") : bl_.label, fu_.label.isEmpty() ? tr("(choose)") : fu_.label));
    open_->setEnabled(!bl_.series.isEmpty() && !fu_.series.isEmpty() && bl_.series != fu_.series);
    int flairStudies = 0;
    for (const auto& s : studies_)
        flairStudies +=
            std::any_of(s.series.begin(), s.series.end(), [](const auto& se) { return se.looksLikeFlair(); });
    course_->setEnabled(flairStudies >= 2);
}

void PacsDialog::retrieve() {
    if (bl_.series.isEmpty() || fu_.series.isEmpty() || bl_.series == fu_.series) {
        status_->setText(tr("Choose two different series as BL and FU."));
        return;
    }
    const auto n = node();
    const std::string cache = cacheFolder().toStdString();
    auto folders = std::make_shared<std::pair<std::string, std::string>>();
    received_ = 0, expected_ = 0;
    progress_->setRange(0, 0);
    progress_->setVisible(true);
    const auto bl = bl_, fu = fu_;
    run(
        tr("Retrieving BL and FU..."),
        [this, n, cache, folders, bl, fu] {
            const pacs::PacsClient client(n);
            auto progress = [this](int received, int expected) {
                received_ = received, expected_ = expected;
                return !task_->cancelRequested();
            };
            folders->first = client.retrieveSeries(bl.study.toStdString(), bl.series.toStdString(), cache, progress);
            folders->second = client.retrieveSeries(fu.study.toStdString(), fu.series.toStdString(), cache, progress);
        },
        [this, folders] {
            blFolder_ = q(folders->first);
            fuFolder_ = q(folders->second);
            accept();
        });
}

void PacsDialog::retrieveCourse() {
    pacs::FlairVisits visits;
    try {
        visits = pacs::flairVisits(studies_);
    } catch (const pacs::PacsError& e) {
        status_->setText(QString::fromStdString(e.what()));
        return;
    }
    const auto n = node();
    const std::string cache = cacheFolder().toStdString();
    // The course's series.json lies in the cache too, one folder per patient.
    QString patient = q(visits.patientId);
    patient.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    const std::string dir = QDir(cacheFolder()).filePath(QStringLiteral("courses/") + patient).toStdString();
    auto folder = std::make_shared<std::string>();
    received_ = 0, expected_ = 0;
    progress_->setRange(0, 0);
    progress_->setVisible(true);
    run(
        tr("Retrieving %1 FLAIR visits...").arg(visits.visits.size()),
        [this, n, cache, dir, visits, folder] {
            *folder = pacs::retrieveVisits(pacs::PacsClient(n), visits, cache, dir, [this](int received, int expected) {
                received_ = received, expected_ = expected;
                return !task_->cancelRequested();
            });
        },
        [this, folder] {
            seriesFolder_ = q(*folder);
            accept();
        });
}

}  // namespace lesiondelta::gui
