import { workRegistry } from '@cohort/messaging';
import { AddTask, AddTaskHandler } from './add-task/add-task.handler';
import { AssignCertificate, AssignCertificateHandler } from './assign-certificate/assign-certificate.handler';
import { AutoEnrol, AutoEnrolHandler } from './auto-enrol/auto-enrol.handler';
import { DownloadCertificates, DownloadCertificatesHandler } from './download-certificates/download-certificates.handler';
import { Enrol, EnrolHandler } from './enrol/enrol.handler';
import { EraseLearningPerson, EraseLearningPersonHandler } from './erase-person/erase-person.handler';
import { RemoveTemporaryData, RemoveTemporaryDataHandler } from './remove-temporary-data/remove-temporary-data.handler';
import { RestoreDeadline, RestoreDeadlineHandler } from './restore-deadline/restore-deadline.handler';
import { RemoveAutoEnrolments, RemoveAutoEnrolmentsHandler } from './remove-auto-enrolments/remove-auto-enrolments.handler';
import { RestoreEnrolmentStatus, RestoreEnrolmentStatusHandler } from './restore-enrolment-status/restore-enrolment-status.handler';
import { RetakeCourse, RetakeCourseHandler } from './retake-course/retake-course.handler';
import { SetDeadline, SetDeadlineHandler } from './set-deadline/set-deadline.handler';
import { SetParticipationStatus, SetParticipationStatusHandler } from './set-participation-status/set-participation-status.handler';
import { ShareContent, ShareContentHandler } from './share-content/share-content.handler';
import { Withdraw, WithdrawHandler } from './withdraw/withdraw.handler';

/** learning's work actions by action id (catalogue actions and participant-only saga steps): a folder plus one line here. */
export const LEARNING_WORK = workRegistry({
  'erase-person': { command: EraseLearningPerson, handler: EraseLearningPersonHandler },
  'remove-temporary-data': { command: RemoveTemporaryData, handler: RemoveTemporaryDataHandler },
  enrol: { command: Enrol, handler: EnrolHandler },
  'auto-enrol': { command: AutoEnrol, handler: AutoEnrolHandler },
  /** participant-only: the second step of add-to-groups' undo */
  'remove-auto-enrolments': { command: RemoveAutoEnrolments, handler: RemoveAutoEnrolmentsHandler },
  withdraw: { command: Withdraw, handler: WithdrawHandler },
  'add-task': { command: AddTask, handler: AddTaskHandler },
  'retake-course': { command: RetakeCourse, handler: RetakeCourseHandler },
  'set-deadline': { command: SetDeadline, handler: SetDeadlineHandler },
  'set-participation-status': { command: SetParticipationStatus, handler: SetParticipationStatusHandler },
  'restore-deadline': { command: RestoreDeadline, handler: RestoreDeadlineHandler },
  'restore-enrolment-status': { command: RestoreEnrolmentStatus, handler: RestoreEnrolmentStatusHandler },
  'share-content': { command: ShareContent, handler: ShareContentHandler },
  'assign-certificate': { command: AssignCertificate, handler: AssignCertificateHandler },
  'download-certificates': { command: DownloadCertificates, handler: DownloadCertificatesHandler },
});
