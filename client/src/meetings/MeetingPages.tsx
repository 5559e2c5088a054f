/** The pages of 集体备课记录 and the group page. */
import { GroupOverviewPage } from '../pages/GroupOverviewPage.tsx'
import { MeetingSheetPage } from '../pages/MeetingSheetPage.tsx'
import type { MeetingRoute } from './meeting-routes.ts'

export function MeetingPages({ route }: { route: MeetingRoute }) {
  switch (route.page) {
    case 'meetingSheet':
      return <MeetingSheetPage meetingId={route.meetingId} />
    case 'groupOverview':
      return <GroupOverviewPage groupId={route.groupId} semester={route.semester} />
    default:
      return route satisfies never
  }
}
