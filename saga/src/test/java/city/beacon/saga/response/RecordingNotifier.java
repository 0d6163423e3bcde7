package city.beacon.saga.response;

import city.beacon.api.task.NoticeKind;
import city.beacon.saga.notify.DepartmentNotifier;
import city.beacon.saga.notify.TaskNotice;

import java.util.ArrayList;
import java.util.List;

final class RecordingNotifier implements DepartmentNotifier {
    final List<TaskNotice> notices = new ArrayList<>();

    @Override
    public void notify(TaskNotice notice) {
        notices.add(notice);
    }

    List<TaskNotice> of(NoticeKind kind) {
        return notices.stream().filter(notice -> notice.kind() == kind).toList();
    }

    void clear() {
        notices.clear();
    }
}
