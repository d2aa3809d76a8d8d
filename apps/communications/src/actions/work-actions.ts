import { ErasePerson } from '@cohort/common';
import { registryLookup, WorkCommand } from '@cohort/messaging';
import { HoldMessages } from './hold-messages/hold-messages.handler';
import { SendNotification } from './send-notification/send-notification.handler';
import { SendCertificateAwarded, SendEnrolled, SendTaskAssigned } from './send-learning-mail/send-learning-mail.handler';
import { SendInvitation, SendPasswordReset } from './send-token-mail/send-token-mail.handler';

/** communications' participant actions by id: adding one is its folder plus one line here. */
export const workAction = registryLookup<WorkCommand>({
  'erase-person': ErasePerson,
  'hold-messages': HoldMessages,
  'send-certificate-awarded': SendCertificateAwarded,
  'send-enrolled': SendEnrolled,
  'send-invitation': SendInvitation,
  'send-notification': SendNotification,
  'send-password-reset': SendPasswordReset,
  'send-task-assigned': SendTaskAssigned,
});
