// A source that breaks both rules: a literal label and a tr() string missing from the .ts files.
#include <QLabel>
#include <QObject>

class Bad : public QObject {
    Q_OBJECT
public:
    void build() {
        new QLabel("Untranslated label text");
        setObjectName(tr("A string nobody translated"));
    }
};
