/* Beacon console translations (en, zh-CN). Chinese terms follow DESIGN.md §2. Everything is set as text, never HTML. */
(function () {
  'use strict';
  const en = {
    'app.title': 'Beacon', 'app.subtitle': 'Command center',
    'login.username': 'User name', 'login.password': 'Password', 'login.submit': 'Sign in',
    'login.failed': 'Wrong user name or password.', 'login.signedOut': 'You have signed out.',
    'login.hint': 'Demo users: operator, auditor, fire, police, gas_utility … (password = user name)',
    'nav.logout': 'Sign out', 'nav.language': 'Language', 'nav.sound': 'Sound', 'nav.soundOn': 'Sound on',
    'nav.soundOff': 'Sound off', 'nav.drill': 'Play gas-leak drill', 'nav.drillStarted': 'Drill started: {number}',
    'conn.connecting': 'Connecting…', 'conn.live': 'Live', 'conn.reconnecting': 'Reconnecting…',
    'store.down': 'Store unreachable: nothing can be changed or loaded until it answers again. What you see may be out of date.',
    'role.OPERATOR': 'Operator', 'role.LIAISON': 'Liaison', 'role.AUDITOR': 'Auditor', 'role.ADMIN': 'Administrator',
    'view.board': 'Operator board', 'view.queue': 'Task queue', 'view.auditor': 'Audit history',
    'board.active': 'Active incidents', 'board.sort': 'Sort by', 'board.sort.severity': 'Severity',
    'board.sort.age': 'Age (newest first)', 'board.sort.overdue': 'Overdue tasks', 'board.empty': 'No active incidents.',
    'board.overdue': '{n} overdue', 'board.escalated': '{n} escalated', 'board.tasks': '{n} tasks',
    'report.title': 'Report an incident', 'report.type': 'Type', 'report.severity': 'Severity',
    'report.urgency': 'Urgency', 'report.certainty': 'Certainty', 'report.optional': '(optional)',
    'report.summary': 'Summary', 'report.address': 'Address', 'report.location': 'Location',
    'report.pickOnMap': 'Click the map to set the location', 'report.drill': 'Drill',
    'report.submit': 'Report', 'report.done': 'Reported {number}', 'report.needLocation': 'Click the map first.',
    'panel.empty': 'Select an incident on the list or the map.', 'panel.status': 'Status',
    'panel.severity': 'Severity', 'panel.type': 'Type', 'panel.urgency': 'Urgency', 'panel.certainty': 'Certainty',
    'panel.reportedAt': 'Reported', 'panel.source': 'Source', 'panel.reportedBy': 'Reported by',
    'panel.externalEvent': 'Alert event', 'panel.areaCodes': 'Area codes',
    'location.AREA_CODE': 'Location from area code',
    'location.AREA_CODE_UNRESOLVED': 'Location from area code (not resolved: shown at the city centre)',
    'panel.address': 'Address', 'panel.tasks': 'Tasks', 'panel.noTasks': 'No tasks yet.',
    'panel.timeline': 'Timeline', 'panel.earlier': 'Earlier lines', 'panel.actions': 'Actions', 'panel.cancelReason': 'Cancel reason',
    'panel.resolution': 'Resolution', 'panel.readyToContain': 'All tasks settled: ready to contain',
    'panel.mergedInto': 'Merged into', 'panel.close': 'Close panel',
    'task.department': 'Department', 'task.action': 'Task', 'task.status': 'State', 'task.deadline': 'Acknowledge by',
    'task.level': 'Escalated L{n}', 'task.acknowledgedBy': 'Acknowledged by {who}',
    'task.left': '{t} left', 'task.overdue': 'Overdue {t}', 'task.note': 'Note', 'task.outcome': 'Outcome',
    'action.confirm': 'Confirm', 'action.reclassify': 'Reclassify', 'action.note': 'Add note',
    'action.contain': 'Contain', 'action.resolve': 'Resolve', 'action.close': 'Close', 'action.cancel': 'Cancel (false alarm)',
    'action.reason': 'Reason', 'action.text': 'Note text', 'action.send': 'Send',
    'action.acknowledge': 'Acknowledge', 'action.decline': 'Decline', 'action.enRoute': 'En route',
    'action.onScene': 'On scene', 'action.complete': 'Complete', 'action.assignUnit': 'Assign unit',
    'action.failed': 'Refused: {detail}',
    'queue.title': 'Tasks for {department}', 'queue.empty': 'No open tasks.', 'queue.ended': 'Recently ended',
    'queue.incident': 'Incident', 'queue.declineReason': 'Why decline?', 'queue.outcome': 'Outcome',
    'queue.progressNote': 'Note (optional)', 'queue.newTask': 'New task: {action}',
    'audit.search': 'Search incidents', 'audit.number': 'Number', 'audit.type': 'Type', 'audit.any': 'Any',
    'audit.from': 'From', 'audit.to': 'To', 'audit.find': 'Search', 'audit.none': 'No incidents found.',
    'audit.results': '{n} incidents', 'audit.readOnly': 'Read only',
    'audit.export': 'Export', 'audit.export.jsonl': 'History (JSON Lines)', 'audit.export.csv': 'History (CSV)',
    'audit.export.report': 'After-action report (print)', 'audit.export.reportJson': 'After-action report (JSON)',
    'audit.previous': 'Previous event', 'audit.next': 'Next event',
    'audit.tab.incidents': 'Incidents', 'audit.tab.board': 'Board at a time', 'audit.tab.verify': 'Tamper evidence',
    'audit.asOf': 'PAST STATE — as of {at}, not live', 'audit.backToLive': 'Back to live', 'audit.isLive': 'Showing the live state.',
    'audit.timeTravel': 'Time travel', 'audit.slider': 'Instant shown', 'audit.loading': 'Loading the state at {at}…',
    'audit.shownAt': 'Shown as it stood at {at} (stream position {position}).',
    'audit.notYet': 'The incident did not exist yet at {at}.', 'audit.noActor': 'system',
    'audit.history': 'History', 'audit.eventType': 'Event type', 'audit.since': 'From (time)', 'audit.until': 'To (time)',
    'audit.filter': 'Filter', 'audit.reset': 'All events',
    'audit.col.position': 'Position', 'audit.col.time': 'Time', 'audit.col.type': 'Event', 'audit.col.actor': 'By',
    'audit.events': '{n} events', 'audit.eventsCut': 'First {n} events (narrow the filter to see the rest)',
    'audit.noEvents': 'No events match.',
    'audit.diff': 'What changed between two instants', 'audit.diffFrom': 'From', 'audit.diffTo': 'To',
    'audit.compare': 'Compare', 'audit.diffBad': 'Choose two instants, the first before the second.',
    'audit.diff.appeared': 'The incident was reported in between.', 'audit.diff.field': '{field}: {from} → {to}',
    'audit.diff.summary': 'Summary: “{from}” → “{to}”', 'audit.diff.newTask': 'New task for {dept}: {action} ({status})',
    'audit.diff.task': '{dept}: {from} → {to}', 'audit.diff.none': 'No change to the incident or its tasks.',
    'audit.chain': 'Causality', 'audit.chain.pick': 'Select an event in the history to see what caused it and what it caused.',
    'audit.loadingChain': 'Loading the chain…', 'audit.chain.causes': 'Caused by (first cause at the top)',
    'audit.chain.event': 'Selected event', 'audit.chain.sameCommand': 'Recorded by the same command',
    'audit.chain.effects': 'Led to', 'audit.chain.truncated': 'More effects not shown.',
    'audit.chain.alone': 'Started by a person, device or deadline; nothing followed from it.',
    'audit.board': 'The board at an instant', 'audit.boardSlider': 'Board instant', 'audit.window': 'Slider covers',
    'audit.window.1h': 'the last hour', 'audit.window.24h': 'the last 24 hours', 'audit.window.7d': 'the last 7 days',
    'audit.boardAt': '{n} active incidents then (stream position {position}).', 'audit.boardEmptyThen': 'No active incidents then.',
    'audit.tamper': 'Tamper evidence', 'audit.verify': 'Verify the history',
    'audit.verifyHint': 'Recomputes the seal chain over every stored event and names the first one that no longer matches.',
    'audit.verifyStarting': 'Starting…', 'audit.verifyRunning': 'Checking: {done} of {total} seals, {events} events',
    'audit.verifyIntact': 'Intact through stream position {position} ({events} events checked).',
    'audit.verifyBroken': 'ALTERED: the first mismatch is at stream position {position} (seal {seal}): {reason}',
    'audit.verifyFailed': 'The check could not finish: {reason}', 'audit.sealLatest': 'Latest seal',
    'audit.seal': 'Seal {number} covers positions {from}–{to}, sealed {at}. Hash: {hash}', 'audit.noSeal': 'No seal yet.',
    'ev.IncidentReported': 'Incident reported', 'ev.IncidentConfirmed': 'Incident confirmed', 'ev.IncidentReclassified': 'Reclassified',
    'ev.IncidentLocationUpdated': 'Location updated', 'ev.IncidentNoteAdded': 'Note added', 'ev.IncidentResponseStarted': 'Response started',
    'ev.IncidentContained': 'Contained', 'ev.IncidentResolved': 'Resolved', 'ev.IncidentClosed': 'Closed',
    'ev.IncidentCancelled': 'Cancelled (false alarm)', 'ev.IncidentMerged': 'Merged', 'ev.IncidentReadyToContain': 'Ready to contain',
    'ev.PublicWarningIssued': 'Public warning issued', 'ev.SensorAlarmRaised': 'Sensor alarm raised',
    'ev.SensorAlarmLinked': 'Sensor alarm linked', 'ev.SensorAlarmCleared': 'Sensor alarm cleared',
    'ev.TaskRequested': 'Task requested', 'ev.TaskAcknowledged': 'Task acknowledged', 'ev.TaskDeclined': 'Task declined',
    'ev.TaskProgressReported': 'Progress reported', 'ev.TaskCompleted': 'Task completed', 'ev.TaskCancelled': 'Task cancelled',
    'ev.TaskEscalated': 'Task escalated', 'ev.TaskNotificationDelivered': 'Department system notified',
    'ev.TaskNotificationFailed': 'Department system not reached', 'ev.UnitAssigned': 'Unit assigned', 'ev.UnitReleased': 'Unit released',
    'ev.UnitStatusReported': 'Unit status reported',
    'alert.overdue': 'Task deadline missed: {number} ({n} overdue)',
    'alert.escalated': 'Task escalated: {number}', 'alert.severe': 'New {severity} incident: {number}',
    'alert.dismiss': 'Dismiss', 'common.drill': 'Drill', 'common.none': '—',
    'severity.EXTREME': 'Extreme (level I, red)', 'severity.SEVERE': 'Severe (level II, orange)',
    'severity.MODERATE': 'Moderate (level III, yellow)', 'severity.MINOR': 'Minor (level IV, blue)',
    'severity.UNKNOWN': 'Unknown',
    'status.REPORTED': 'Reported', 'status.CONFIRMED': 'Confirmed', 'status.RESPONDING': 'Responding',
    'status.CONTAINED': 'Contained', 'status.RESOLVED': 'Resolved', 'status.CLOSED': 'Closed',
    'status.CANCELLED': 'Cancelled (false alarm)', 'status.MERGED': 'Merged',
    'type.GAS_LEAK': 'Gas leak', 'type.FIRE': 'Fire', 'type.FLOOD': 'Flood', 'type.TRAFFIC_ACCIDENT': 'Traffic accident',
    'type.HAZMAT': 'Hazardous materials', 'type.POWER_OUTAGE': 'Power outage', 'type.WATER_MAIN_BREAK': 'Water main break',
    'type.BUILDING_COLLAPSE': 'Building collapse', 'type.PUBLIC_SECURITY': 'Public security', 'type.MEDICAL': 'Medical',
    'type.OTHER': 'Other',
    'urgency.IMMEDIATE': 'Immediate', 'urgency.EXPECTED': 'Expected', 'urgency.FUTURE': 'Future', 'urgency.PAST': 'Past',
    'urgency.UNKNOWN': 'Unknown',
    'certainty.OBSERVED': 'Observed', 'certainty.LIKELY': 'Likely', 'certainty.POSSIBLE': 'Possible',
    'certainty.UNLIKELY': 'Unlikely', 'certainty.UNKNOWN': 'Unknown',
    'taskStatus.REQUESTED': 'Requested', 'taskStatus.ESCALATED': 'Escalated', 'taskStatus.ACKNOWLEDGED': 'Acknowledged',
    'taskStatus.EN_ROUTE': 'En route', 'taskStatus.ON_SCENE': 'On scene', 'taskStatus.COMPLETED': 'Completed',
    'taskStatus.DECLINED': 'Declined', 'taskStatus.CANCELLED': 'Cancelled',
    'priority.CRITICAL': 'Critical', 'priority.HIGH': 'High', 'priority.NORMAL': 'Normal', 'priority.LOW': 'Low',
    'source.SENSOR': 'Sensor', 'source.CALL': 'Call', 'source.OPERATOR': 'Operator', 'source.EXTERNAL_ALERT': 'External alert',
    'dept.GAS_UTILITY': 'Gas utility', 'dept.FIRE': 'Fire and rescue', 'dept.POLICE': 'Police', 'dept.MEDICAL': 'Medical (120)',
    'dept.TRAFFIC': 'Traffic police', 'dept.ENVIRONMENT': 'Environment', 'dept.WATER': 'Water', 'dept.POWER': 'Power',
    'dept.PUBLIC_WORKS': 'Public works', 'dept.CIVIL_AFFAIRS': 'Civil affairs',
    'step.RENOTIFY': 'notified again', 'step.DUTY_SUPERVISOR': 'duty supervisor alerted',
    'step.BACKUP_DEPARTMENT': 'backup department asked', 'step.RAISE_SEVERITY': 'severity raised',
    'tl.IncidentReported': 'Reported {type} ({severity}){drill}: {summary}', 'tl.IncidentConfirmed': 'Confirmed',
    'tl.IncidentReclassified': 'Reclassified as {type}, severity {from} → {to}{reason}',
    'tl.IncidentLocationUpdated': 'Location updated: {where}', 'tl.IncidentNoteAdded': 'Note: {text}',
    'tl.internalNote': 'Internal note', 'tl.IncidentResponseStarted': 'Response started',
    'tl.IncidentContained': 'Contained', 'tl.IncidentResolved': 'Resolved{resolution}', 'tl.IncidentClosed': 'Closed',
    'tl.IncidentCancelled': 'Cancelled (false alarm): {reason}', 'tl.IncidentMerged': 'Merged into incident {into}',
    'tl.IncidentReadyToContain': 'All tasks settled: ready to contain',
    'tl.TaskRequested': 'Task for {dept} ({priority}): {action}', 'tl.TaskAcknowledged': '{dept} acknowledged',
    'tl.TaskDeclined': '{dept} declined: {reason}', 'tl.TaskEnRoute': '{dept} en route{note}',
    'tl.TaskOnScene': '{dept} on scene{note}', 'tl.TaskCompleted': '{dept} completed: {outcome}',
    'tl.TaskCancelled': '{dept} task cancelled{reason}',
    'tl.TaskEscalated': '{dept} missed the acknowledgment deadline; escalated to level {level} ({step})',
    'tl.TaskNotificationDelivered': '{dept} system notified {detail}',
    'tl.TaskNotificationFailed': '{dept} system could not be notified {detail}',
    'tl.UnitAssigned': '{dept} unit {unit} assigned', 'tl.UnitReleased': '{dept} unit {unit} released',
    'district.label': 'District'
  };
  const zh = {
    'app.title': 'Beacon 指挥中心', 'app.subtitle': '城市突发事件指挥调度',
    'login.username': '用户名', 'login.password': '密码', 'login.submit': '登录',
    'login.failed': '用户名或密码错误。', 'login.signedOut': '您已退出登录。',
    'login.hint': '演示用户：operator、auditor、fire、police、gas_utility ……（密码与用户名相同）',
    'nav.logout': '退出', 'nav.language': '语言', 'nav.sound': '声音', 'nav.soundOn': '声音：开', 'nav.soundOff': '声音：关',
    'nav.drill': '演练：燃气泄漏', 'nav.drillStarted': '演练已开始：{number}',
    'conn.connecting': '连接中……', 'conn.live': '实时', 'conn.reconnecting': '重新连接中……',
    'store.down': '数据存储无法访问：恢复之前无法提交或查询，当前显示的信息可能已过时。',
    'role.OPERATOR': '值班员', 'role.LIAISON': '部门联络员', 'role.AUDITOR': '审计员', 'role.ADMIN': '管理员',
    'view.board': '值班员态势图', 'view.queue': '任务队列', 'view.auditor': '审计查询',
    'board.active': '处置中的事件', 'board.sort': '排序', 'board.sort.severity': '按级别',
    'board.sort.age': '按时间（最新在前）', 'board.sort.overdue': '按超时任务', 'board.empty': '当前没有未办结的事件。',
    'board.overdue': '超时 {n}', 'board.escalated': '升级督办 {n}', 'board.tasks': '任务 {n}',
    'report.title': '上报事件', 'report.type': '类型', 'report.severity': '级别', 'report.urgency': '紧迫性',
    'report.certainty': '确定性', 'report.optional': '（可选）', 'report.summary': '事件概要', 'report.address': '地址',
    'report.location': '位置', 'report.pickOnMap': '在地图上点击以设置位置', 'report.drill': '演练',
    'report.submit': '上报', 'report.done': '已上报 {number}', 'report.needLocation': '请先在地图上点击位置。',
    'panel.empty': '请在列表或地图上选择一个事件。', 'panel.status': '状态', 'panel.severity': '级别',
    'panel.type': '类型', 'panel.urgency': '紧迫性', 'panel.certainty': '确定性', 'panel.reportedAt': '上报时间',
    'panel.externalEvent': '预警事件', 'panel.areaCodes': '区域代码',
    'location.AREA_CODE': '位置来自区域代码',
    'location.AREA_CODE_UNRESOLVED': '位置来自区域代码（未解析，标于市中心）',
    'panel.source': '来源', 'panel.reportedBy': '上报人', 'panel.address': '地址', 'panel.tasks': '派单/任务',
    'panel.noTasks': '暂无任务。', 'panel.timeline': '时间线', 'panel.earlier': '更早的记录', 'panel.actions': '操作',
    'panel.cancelReason': '撤销原因', 'panel.resolution': '处置结果', 'panel.readyToContain': '所有任务已结束：可标记已控制',
    'panel.mergedInto': '已合并至', 'panel.close': '关闭面板',
    'task.department': '部门', 'task.action': '任务', 'task.status': '状态', 'task.deadline': '签收时限',
    'task.level': '第{n}级督办', 'task.acknowledgedBy': '签收人 {who}', 'task.left': '剩余 {t}',
    'task.overdue': '已超时 {t}', 'task.note': '备注', 'task.outcome': '完成反馈',
    'action.confirm': '核实', 'action.reclassify': '重新定级', 'action.note': '添加备注', 'action.contain': '已控制',
    'action.resolve': '已处置', 'action.close': '办结', 'action.cancel': '撤销（误报）', 'action.reason': '原因',
    'action.text': '备注内容', 'action.send': '提交', 'action.acknowledge': '签收', 'action.decline': '退回',
    'action.enRoute': '出发', 'action.onScene': '到场', 'action.complete': '完成反馈', 'action.assignUnit': '指派力量',
    'action.failed': '操作被拒绝：{detail}',
    'queue.title': '{department} 任务队列', 'queue.empty': '暂无待办任务。', 'queue.ended': '最近结束的任务',
    'queue.incident': '事件', 'queue.declineReason': '退回原因', 'queue.outcome': '完成情况',
    'queue.progressNote': '备注（可选）', 'queue.newTask': '新任务：{action}',
    'audit.search': '事件查询', 'audit.number': '事件编号', 'audit.type': '类型', 'audit.any': '全部',
    'audit.from': '起始日期', 'audit.to': '截止日期', 'audit.find': '查询', 'audit.none': '未找到事件。',
    'audit.results': '共 {n} 个事件', 'audit.readOnly': '只读',
    'audit.export': '导出', 'audit.export.jsonl': '审计记录（JSON Lines）', 'audit.export.csv': '审计记录（CSV）',
    'audit.export.report': '事后评估报告（打印）', 'audit.export.reportJson': '事后评估报告（JSON）',
    'audit.previous': '上一条记录', 'audit.next': '下一条记录',
    'audit.tab.incidents': '事件', 'audit.tab.board': '历史态势', 'audit.tab.verify': '防篡改校验',
    'audit.asOf': '历史状态——截至 {at}，非实时', 'audit.backToLive': '返回实时', 'audit.isLive': '当前显示实时状态。',
    'audit.timeTravel': '时间回溯', 'audit.slider': '显示的时刻', 'audit.loading': '正在加载 {at} 时的状态……',
    'audit.shownAt': '显示 {at} 时的状态（事件流位置 {position}）。',
    'audit.notYet': '{at} 时该事件尚未上报。', 'audit.noActor': '系统',
    'audit.history': '审计记录', 'audit.eventType': '事件类别', 'audit.since': '起始时间', 'audit.until': '截止时间',
    'audit.filter': '筛选', 'audit.reset': '全部记录',
    'audit.col.position': '位置', 'audit.col.time': '时间', 'audit.col.type': '记录', 'audit.col.actor': '操作人',
    'audit.events': '共 {n} 条记录', 'audit.eventsCut': '前 {n} 条记录（请缩小筛选范围查看其余记录）',
    'audit.noEvents': '没有符合条件的记录。',
    'audit.diff': '两个时刻之间的变化', 'audit.diffFrom': '起始时刻', 'audit.diffTo': '截止时刻',
    'audit.compare': '比较', 'audit.diffBad': '请选择两个时刻，且第一个早于第二个。',
    'audit.diff.appeared': '该事件在此期间上报。', 'audit.diff.field': '{field}：{from} → {to}',
    'audit.diff.summary': '事件概要：“{from}” → “{to}”', 'audit.diff.newTask': '新派单 {dept}：{action}（{status}）',
    'audit.diff.task': '{dept}：{from} → {to}', 'audit.diff.none': '事件及其任务没有变化。',
    'audit.chain': '因果链', 'audit.chain.pick': '在审计记录中选择一条，查看其起因及后续影响。',
    'audit.loadingChain': '正在加载因果链……', 'audit.chain.causes': '起因（最初的起因在最上方）',
    'audit.chain.event': '所选记录', 'audit.chain.sameCommand': '同一指令产生的记录',
    'audit.chain.effects': '后续影响', 'audit.chain.truncated': '还有更多后续影响未显示。',
    'audit.chain.alone': '由人员、设备或时限触发；未引起后续记录。',
    'audit.board': '指定时刻的态势', 'audit.boardSlider': '态势时刻', 'audit.window': '时间轴范围',
    'audit.window.1h': '最近 1 小时', 'audit.window.24h': '最近 24 小时', 'audit.window.7d': '最近 7 天',
    'audit.boardAt': '当时有 {n} 个处置中的事件（事件流位置 {position}）。', 'audit.boardEmptyThen': '当时没有处置中的事件。',
    'audit.tamper': '防篡改校验', 'audit.verify': '校验历史记录',
    'audit.verifyHint': '重新计算所有已存储记录的封存哈希链，并指出第一条不再一致的记录。',
    'audit.verifyStarting': '正在启动……', 'audit.verifyRunning': '校验中：已校验 {done}/{total} 个封存，{events} 条记录',
    'audit.verifyIntact': '截至事件流位置 {position} 完整无篡改（已校验 {events} 条记录）。',
    'audit.verifyBroken': '已被篡改：第一处不一致在事件流位置 {position}（封存 {seal}）：{reason}',
    'audit.verifyFailed': '校验未能完成：{reason}', 'audit.sealLatest': '最新封存',
    'audit.seal': '封存 {number} 覆盖位置 {from}–{to}，封存于 {at}。哈希：{hash}', 'audit.noSeal': '尚无封存。',
    'ev.IncidentReported': '事件上报', 'ev.IncidentConfirmed': '事件核实', 'ev.IncidentReclassified': '重新定级',
    'ev.IncidentLocationUpdated': '位置更新', 'ev.IncidentNoteAdded': '添加备注', 'ev.IncidentResponseStarted': '开始处置',
    'ev.IncidentContained': '已控制', 'ev.IncidentResolved': '已处置', 'ev.IncidentClosed': '办结',
    'ev.IncidentCancelled': '撤销（误报）', 'ev.IncidentMerged': '合并', 'ev.IncidentReadyToContain': '可标记已控制',
    'ev.PublicWarningIssued': '发布预警', 'ev.SensorAlarmRaised': '传感器报警', 'ev.SensorAlarmLinked': '传感器报警关联',
    'ev.SensorAlarmCleared': '传感器报警解除',
    'ev.TaskRequested': '派单', 'ev.TaskAcknowledged': '签收', 'ev.TaskDeclined': '退回', 'ev.TaskProgressReported': '进展反馈',
    'ev.TaskCompleted': '完成反馈', 'ev.TaskCancelled': '任务取消', 'ev.TaskEscalated': '升级督办',
    'ev.TaskNotificationDelivered': '已通知部门系统', 'ev.TaskNotificationFailed': '部门系统通知失败',
    'ev.UnitAssigned': '指派力量', 'ev.UnitReleased': '释放力量', 'ev.UnitStatusReported': '力量状态反馈',
    'alert.overdue': '任务超时未签收：{number}（超时 {n}）', 'alert.escalated': '任务已升级督办：{number}',
    'alert.severe': '新的{severity}事件：{number}', 'alert.dismiss': '知道了', 'common.drill': '演练', 'common.none': '—',
    'severity.EXTREME': '特别重大（Ⅰ级，红色）', 'severity.SEVERE': '重大（Ⅱ级，橙色）',
    'severity.MODERATE': '较大（Ⅲ级，黄色）', 'severity.MINOR': '一般（Ⅳ级，蓝色）', 'severity.UNKNOWN': '未定级',
    'status.REPORTED': '已上报', 'status.CONFIRMED': '已核实', 'status.RESPONDING': '处置中', 'status.CONTAINED': '已控制',
    'status.RESOLVED': '已处置', 'status.CLOSED': '办结', 'status.CANCELLED': '撤销（误报）', 'status.MERGED': '已合并',
    'type.GAS_LEAK': '燃气泄漏', 'type.FIRE': '火灾', 'type.FLOOD': '洪涝', 'type.TRAFFIC_ACCIDENT': '交通事故',
    'type.HAZMAT': '危险化学品', 'type.POWER_OUTAGE': '停电', 'type.WATER_MAIN_BREAK': '供水管道爆裂',
    'type.BUILDING_COLLAPSE': '建筑倒塌', 'type.PUBLIC_SECURITY': '治安事件', 'type.MEDICAL': '医疗急救', 'type.OTHER': '其他',
    'urgency.IMMEDIATE': '立即', 'urgency.EXPECTED': '预计', 'urgency.FUTURE': '将来', 'urgency.PAST': '已过去',
    'urgency.UNKNOWN': '未知',
    'certainty.OBSERVED': '已观测', 'certainty.LIKELY': '很可能', 'certainty.POSSIBLE': '可能', 'certainty.UNLIKELY': '不太可能',
    'certainty.UNKNOWN': '未知',
    'taskStatus.REQUESTED': '待签收', 'taskStatus.ESCALATED': '升级督办', 'taskStatus.ACKNOWLEDGED': '已签收',
    'taskStatus.EN_ROUTE': '已出发', 'taskStatus.ON_SCENE': '已到场', 'taskStatus.COMPLETED': '已完成',
    'taskStatus.DECLINED': '已退回', 'taskStatus.CANCELLED': '已取消',
    'priority.CRITICAL': '特急', 'priority.HIGH': '紧急', 'priority.NORMAL': '一般', 'priority.LOW': '低',
    'source.SENSOR': '传感器', 'source.CALL': '电话报警', 'source.OPERATOR': '值班员', 'source.EXTERNAL_ALERT': '外部预警',
    'dept.GAS_UTILITY': '燃气集团', 'dept.FIRE': '消防救援', 'dept.POLICE': '公安', 'dept.MEDICAL': '120急救',
    'dept.TRAFFIC': '交警', 'dept.ENVIRONMENT': '生态环境', 'dept.WATER': '水务', 'dept.POWER': '电力',
    'dept.PUBLIC_WORKS': '市政', 'dept.CIVIL_AFFAIRS': '民政',
    'step.RENOTIFY': '再次通知', 'step.DUTY_SUPERVISOR': '通知值班领导', 'step.BACKUP_DEPARTMENT': '请求备援部门',
    'step.RAISE_SEVERITY': '提升事件级别',
    'tl.IncidentReported': '上报 {type}（{severity}）{drill}：{summary}', 'tl.IncidentConfirmed': '已核实',
    'tl.IncidentReclassified': '重新定级为 {type}，级别 {from} → {to}{reason}',
    'tl.IncidentLocationUpdated': '位置更新：{where}', 'tl.IncidentNoteAdded': '备注：{text}',
    'tl.internalNote': '内部备注', 'tl.IncidentResponseStarted': '开始处置', 'tl.IncidentContained': '已控制',
    'tl.IncidentResolved': '已处置{resolution}', 'tl.IncidentClosed': '办结',
    'tl.IncidentCancelled': '撤销（误报）：{reason}', 'tl.IncidentMerged': '合并至事件 {into}',
    'tl.IncidentReadyToContain': '所有任务已结束：可标记已控制',
    'tl.TaskRequested': '派单：{dept}（{priority}）：{action}', 'tl.TaskAcknowledged': '{dept} 已签收',
    'tl.TaskDeclined': '{dept} 退回：{reason}', 'tl.TaskEnRoute': '{dept} 已出发{note}', 'tl.TaskOnScene': '{dept} 已到场{note}',
    'tl.TaskCompleted': '{dept} 完成反馈：{outcome}', 'tl.TaskCancelled': '{dept} 任务已取消{reason}',
    'tl.TaskEscalated': '{dept} 超时未签收，升级督办第{level}级（{step}）',
    'tl.TaskNotificationDelivered': '已通知{dept}系统 {detail}', 'tl.TaskNotificationFailed': '{dept}系统通知失败 {detail}',
    'tl.UnitAssigned': '{dept} 指派力量 {unit}', 'tl.UnitReleased': '{dept} 力量 {unit} 已释放',
    'district.label': '区'
  };
  const dictionaries = { en: en, 'zh-CN': zh };
  const STORAGE = 'beacon.lang';
  const listeners = [];

  function initialLanguage() {
    const saved = window.localStorage && localStorage.getItem(STORAGE);
    if (saved && dictionaries[saved]) return saved;
    const wanted = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
    return wanted.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  }

  let lang = initialLanguage();

  function t(key, params) {
    let text = dictionaries[lang][key];
    if (text === undefined) text = en[key];
    if (text === undefined) return key;
    if (params) {
      text = text.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined || params[name] === null ? '' : String(params[name])));
    }
    return text;
  }

  /** A label for an enum value, e.g. label('dept', 'FIRE'); unknown values show as they are. */
  function label(kind, value) {
    if (value === undefined || value === null || value === '') return t('common.none');
    const key = kind + '.' + value;
    return dictionaries[lang][key] !== undefined || en[key] !== undefined ? t(key) : String(value);
  }

  function apply(root) {
    (root || document).querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    (root || document).querySelectorAll('[data-i18n-placeholder]').forEach((node) => {
      node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder));
    });
    (root || document).querySelectorAll('[data-i18n-title]').forEach((node) => {
      node.setAttribute('title', t(node.dataset.i18nTitle));
    });
    document.documentElement.lang = lang;
  }

  function setLanguage(next) {
    if (!dictionaries[next] || next === lang) return;
    lang = next;
    try { localStorage.setItem(STORAGE, next); } catch (e) { /* private mode: the choice lasts this page */ }
    apply(document);
    listeners.forEach((listener) => listener(lang));
  }

  window.BeaconI18n = {
    t: t, label: label, apply: apply, setLanguage: setLanguage,
    language: () => lang, onChange: (listener) => listeners.push(listener), languages: ['zh-CN', 'en']
  };
})();
